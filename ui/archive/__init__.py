"""書類保管: the statement archive view (電子帳簿保存法)."""
