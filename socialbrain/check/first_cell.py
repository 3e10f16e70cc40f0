"""A task run before the cells it needs says what to run first, not a bare NameError.

An IPython extension, loaded into the kernels of the student's JupyterLab by
the kernel ``lab/kernels/python3`` (see :mod:`socialbrain.lab`), and by no other kernel.
"""

#: Names the first code cell of every practice notebook loads.
FIRST_CELL_NAMES = {"check", "show_answer"}


def advice(name: str) -> str:
    """What to run first when `name` is not defined yet."""
    if name in FIRST_CELL_NAMES:
        return (f"{name} is loaded by the notebook's first code cell "
                "(from socialbrain.check import check, show_answer). Run that cell first "
                "(click it, then Shift + Enter), then this cell again.")
    return (f"{name} is made in a cell above this one. Run the cells above first "
            "(Run → Run All Above Selected Cell), then this cell again.")


def _explain(shell, etype, value, tb, tb_offset=None):
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    if getattr(value, "name", None):
        print(advice(value.name))


def load_ipython_extension(ipython):
    ipython.set_custom_exc((NameError,), _explain)
