"""Touch widgets shared by the screens, one concern a module."""
