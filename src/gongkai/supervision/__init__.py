"""The supervising office's view of a region (pure functions; `gongkai.service.supervision` reads the store):
who has reported and by when (`roster`), the reminders as deadlines approach, and the chart series
(`charts`) a page draws and tabulates."""

from gongkai.supervision.charts import Chart, Series, YearData, charts
from gongkai.supervision.roster import REMINDER_DAYS, BodyEntry, Reminder, reminders

__all__ = ["REMINDER_DAYS", "BodyEntry", "Chart", "Reminder", "Series", "YearData", "charts", "reminders"]
