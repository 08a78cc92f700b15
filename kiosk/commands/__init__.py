"""The command-line subcommands, one module each: add_arguments(parser) and run(args) -> int.

Qt is imported only inside the commands that draw.
"""
