"""The browser side of co-drafting: the page the host serves and the protocol its script speaks."""
