"""Email delivery over SMTP (stdlib ``smtplib``), with the ``smtp_*`` settings."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from babelwire.errors import DeliveryError
from babelwire.settings import Settings


def send_email(settings: Settings, to: str, subject: str, text: str, *,
               html: str | None = None, attachment: tuple[str, str, bytes] | None = None
               ) -> None:
    """Send one message; ``attachment`` is (file name, MIME type, bytes).

    Raises DeliveryError when no SMTP host is set or the server refuses or times out.
    """
    if not settings.smtp_host:
        raise DeliveryError(f"cannot email {to}: set smtp_host (env BABELWIRE_SMTP_HOST)")
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = settings.smtp_from
    message["To"] = to
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    if attachment is not None:
        name, mime, data = attachment
        main, _, sub = mime.partition("/")
        message.add_attachment(data, maintype=main, subtype=sub or "octet-stream",
                               filename=name)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port,
                          timeout=settings.alert_timeout) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password)
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DeliveryError(f"email to {to} via {settings.smtp_host}:{settings.smtp_port}: "
                            f"{type(exc).__name__}: {exc}") from exc
