"""What the program prints, put together: read through ``services``, drawn by ``documents``.

``documents`` draws plain data and never touches the database; ``services`` gathers that data and
records what was printed; the functions here join the two for the screens and ``antq`` commands,
so both print the same paper the same way.
"""
