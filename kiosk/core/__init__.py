"""The Qt-free core: config, content, requests, store, export, security, theme and the domain words.

Plain Python, tested without a display (tests/test_architecture.py checks that nothing here loads Qt).
"""
