"""`python3 -m kiosk bench`: how fast, how lean. Imported only by the bench command (never by the kiosk itself,
except kiosk.bench.startup, which run_kiosk loads when the cold-start measurement asks for it)."""
