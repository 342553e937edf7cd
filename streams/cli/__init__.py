"""The `parley` command line (the app is `streams.cli.main.app`)."""
