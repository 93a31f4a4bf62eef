"""No silent stops: a CancelledError that escapes a handler is a bug, not a shutdown.

Textual lets a CancelledError through a message loop untouched (it is how tasks are stopped),
so one raised by mistake inside a handler ends the loop with no message, and the app either
hangs or exits with code 0. Here it is turned into an ordinary error, which takes the crash
path: a Dutch message, a crash log, a non-zero exit. A real cancellation of the task (the app
closing) still passes, recognised by the task's own cancelling() count."""

from __future__ import annotations

import asyncio

from textual.message import Message
from textual.message_pump import MessagePump


class UnexpectedCancel(RuntimeError):
    """A handler was cancelled although nothing stopped its task."""


class NoSilentCancel(MessagePump):
    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except asyncio.CancelledError as error:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the task itself is being stopped: let it stop
            raise UnexpectedCancel(f"{type(message).__name__} was cancelled") from error
