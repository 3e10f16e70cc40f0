"""Code shared by the chapters, exercises and assignments of The Social Brain.

Importing the package registers the course's plotly renderer, so that every
figure shows both in the static book (no kernel, no CDN) and in Jupyter.
"""

from socialbrain import plotting as _plotting

_plotting.use_course_renderer()
