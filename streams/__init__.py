"""The Faust side of Parley: settings, topics, agents, tables, web views, the CLI and the local broker."""
