"""The Market explorer screen: skill and career pages."""
