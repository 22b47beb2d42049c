"""What every feature of the central server stands on: settings, database, security, errors."""
