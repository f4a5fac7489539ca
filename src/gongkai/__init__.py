"""gongkai (公开): government information disclosure reports and registers."""

__version__ = "0.1.0"
