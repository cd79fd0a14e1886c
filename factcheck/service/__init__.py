"""The nightly service: the database, the cron job, recovery and the reports server."""
