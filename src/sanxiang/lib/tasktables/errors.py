"""The one exception of the task-table importer."""

from __future__ import annotations

__all__ = ["TaskTableError"]


class TaskTableError(Exception):
    """A file that cannot be imported; the message is Chinese and names the file and the row."""

    def __init__(
        self, message: str, *, file: str | None = None, row: int | None = None, column: int | None = None
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.file:
            where += f"文件“{self.file}”"
        if self.row is not None:
            where += f"第 {self.row} 行"
        if self.column is not None:
            where += f"第 {self.column} 列"
        return f"{where}：{self.message}" if where else self.message
