"""Small dialogs: about, merge two clients, confirm erasing a client."""
