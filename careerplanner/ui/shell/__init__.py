"""The application shell: main window, file actions, single instance, backup schedule, start-up."""
