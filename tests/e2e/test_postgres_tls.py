"""PostgreSQL ``sslmode`` and client certificates reach the driver (issue 10 point 1).

A private cluster is started for this module with ``ssl=on`` and a server certificate signed by a
CA made here (``cryptography``); plain TCP is rejected by its ``pg_hba.conf``, so every connection
that works went over TLS. Through the app's own ``Database``:

* ``?sslmode=verify-full&sslrootcert=<the CA>`` connects, and the server reports the session as SSL;
* the same with another CA as root is refused, in one line (the CLI: exit 2, no traceback);
* a role that must log in with a client certificate (``hostssl … cert``) connects with
  ``sslcert``/``sslkey`` and is refused without them;
* the key's text never appears in the logs or the output, and the URL shown keeps ``sslmode``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import text

from oroshi_desktop.db.engine import open_database
from oroshi_desktop.errors import DatabaseUnavailable
from tests.core.test_cli import assert_one_line_error, run
from tests.helpers.clock import real_now
from tests.helpers.pgserver import PgServer

CERT_USER = "certclerk"


@dataclass
class Pki:
    ca: Path
    other_ca: Path
    client_cert: Path
    client_key: Path
    key_text: str


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _ca(common: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = real_now()  # OpenSSL checks the dates on the real clock, not the suite's pinned one
    cert = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(_name(common))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def _leaf(ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate, common: str,
          server: bool) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = real_now()  # OpenSSL checks the dates on the real clock, not the suite's pinned one
    builder = (x509.CertificateBuilder().subject_name(_name(common)).issuer_name(ca.subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2)))
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return key, builder.sign(ca_key, hashes.SHA256())


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _write(path: Path, data: bytes, mode: int = 0o644, owner: str | None = None) -> Path:
    path.write_bytes(data)
    path.chmod(mode)
    if owner and os.geteuid() == 0:
        import pwd  # only as root, i.e. POSIX

        entry = pwd.getpwnam(owner)
        os.chown(path, entry.pw_uid, entry.pw_gid)
    return path


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[PgServer, Pki]]:
    server = PgServer.start()
    try:
        data = server.root / "data"
        owner = server._run_as
        ca_key, ca = _ca("Oroshi test CA")
        _other_key, other = _ca("Some other CA")
        server_key, server_cert = _leaf(ca_key, ca, "localhost", server=True)
        client_key, client_cert = _leaf(ca_key, ca, CERT_USER, server=False)
        pem = serialization.Encoding.PEM
        _write(data / "server.crt", server_cert.public_bytes(pem), owner=owner)
        _write(data / "server.key", _pem_key(server_key), 0o600, owner=owner)
        _write(data / "root.crt", ca.public_bytes(pem), owner=owner)
        client = tmp_path_factory.mktemp("client-pki")
        pki = Pki(ca=_write(client / "ca.crt", ca.public_bytes(pem)),
                  other_ca=_write(client / "other-ca.crt", other.public_bytes(pem)),
                  client_cert=_write(client / "client.crt", client_cert.public_bytes(pem)),
                  client_key=_write(client / "client.key", _pem_key(client_key), 0o600),
                  key_text=_pem_key(client_key).decode().splitlines()[1])
        # Plain TCP rejected: whatever connects below went over TLS.
        (data / "pg_hba.conf").write_text(
            "local all all trust\n"
            f"hostssl all {CERT_USER} 127.0.0.1/32 cert\n"
            "hostssl all all 127.0.0.1/32 trust\n"
            "hostnossl all all 127.0.0.1/32 reject\n", encoding="utf-8")
        with server.admin() as conn:
            conn.execute(f"CREATE ROLE {CERT_USER} LOGIN")  # a constant name; CREATE ROLE has no parameters
            conn.execute("ALTER SYSTEM SET ssl = on")
            conn.execute("ALTER SYSTEM SET ssl_ca_file = 'root.crt'")
            conn.execute("SELECT pg_reload_conf()")
        server.create_database("tls")
        with server.admin() as conn:  # the certificate role owns it, so it may create the app's tables
            conn.execute(f"ALTER DATABASE tls OWNER TO {CERT_USER}")
        yield server, pki
    finally:
        server.stop()


def _url(server: PgServer, user: str = "postgres", **query: str) -> str:
    params = "&".join(f"{key}={value}" for key, value in query.items())
    return f"postgresql+psycopg://{user}@127.0.0.1:{server.port}/tls?{params}"


def _ssl_in_use(url: str) -> bool:
    database = open_database(url)
    try:
        with database.read() as session:
            return bool(session.scalar(text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")))
    finally:
        database.dispose()


def test_verify_full_with_the_right_root_connects_over_tls(tls_server, caplog) -> None:  # type: ignore[no-untyped-def]
    server, pki = tls_server
    caplog.set_level(logging.DEBUG)
    url = _url(server, sslmode="verify-full", sslrootcert=str(pki.ca))
    assert _ssl_in_use(url)
    database = open_database(url)
    try:
        assert "sslmode=verify-full" in database.display_url
    finally:
        database.dispose()


def test_a_wrong_root_is_refused_in_one_line(tls_server, tmp_path) -> None:  # type: ignore[no-untyped-def]
    server, pki = tls_server
    url = _url(server, sslmode="verify-full", sslrootcert=str(pki.other_ca))
    database = open_database(url)
    try:
        with pytest.raises(DatabaseUnavailable) as caught:
            database.ping()
        assert "certificate verify failed" in caught.value.message and "\n" not in caught.value.message
    finally:
        database.dispose()
    result = run("db", "check", env={"OROSHI_DATABASE_URL": url})
    assert_one_line_error(result, "certificate verify failed")


def test_client_certificate_reaches_the_driver(tls_server, caplog) -> None:  # type: ignore[no-untyped-def]
    server, pki = tls_server
    caplog.set_level(logging.DEBUG)
    with_cert = _url(server, CERT_USER, sslmode="verify-full", sslrootcert=str(pki.ca),
                     sslcert=str(pki.client_cert), sslkey=str(pki.client_key))
    assert _ssl_in_use(with_cert)
    without = _url(server, CERT_USER, sslmode="verify-full", sslrootcert=str(pki.ca))
    database = open_database(without)
    try:
        with pytest.raises(DatabaseUnavailable, match="certificate"):  # pg_hba: hostssl … cert
            database.ping()
    finally:
        database.dispose()
    assert pki.key_text not in caplog.text


def test_cli_over_tls_and_the_key_is_never_printed(tls_server) -> None:  # type: ignore[no-untyped-def]
    server, pki = tls_server
    url = _url(server, CERT_USER, sslmode="verify-full", sslrootcert=str(pki.ca),
               sslcert=str(pki.client_cert), sslkey=str(pki.client_key))
    result = run("-v", "db", "upgrade", env={"OROSHI_DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    checked = run("-v", "db", "check", env={"OROSHI_DATABASE_URL": url})
    assert checked.returncode == 0, checked.stderr
    for output in (result.stdout, result.stderr, checked.stdout, checked.stderr):
        assert pki.key_text not in output and "PRIVATE KEY" not in output
