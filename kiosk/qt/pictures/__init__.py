"""The slide pictures and the QR code, drawn for the education screen."""
