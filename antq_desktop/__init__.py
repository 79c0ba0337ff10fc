"""ANTQ Desktop: the movement "Toàn dân bảo vệ an ninh Tổ quốc" at a commune police station."""

__version__ = "0.1.0"
APP_NAME = "ANTQ Desktop"
APP_ID = "antq-desktop"
