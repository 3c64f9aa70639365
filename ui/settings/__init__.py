"""設定: company data, connections, shared preferences, schedule and language."""
