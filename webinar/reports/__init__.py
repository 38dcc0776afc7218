"""The organiser's post-event report: figures (queries.py), themes, charts, written summary, exports.

Nothing here writes: the build and its status machine live in ``webinar.services.summaries``.
"""
