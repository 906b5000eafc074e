"""A rule plugin that fails to import, as a broken third-party package would."""
raise ImportError("this plugin needs a module that is not installed")
