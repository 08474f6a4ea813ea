"""The Job ads screen: the user's own collection of ads, one ad's requirements and fit, and the
figures of a group of ads."""
