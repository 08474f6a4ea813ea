"""Qt-free use cases that the command line and the GUI both call: they drive importers, the store,
analysis and exports, so neither the store nor the screens have to."""
