"""The 今日 screen package: the clerk's day at a glance."""
