"""The declaration file filled in LibreOffice Calc (headless, by a Basic macro typing into the
cells as a person would), saved by LibreOffice as .xlsx, then reviewed by HoSo. Skipped when
LibreOffice is not installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.services import HoSoService
from tests.core.conftest import person_data

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Fill
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(&quot;{path}&quot;), &quot;_blank&quot;, 0, args())
  Dim sheet As Object
  sheet = doc.Sheets.getByName(&quot;Thông tin chung&quot;)
  Dim r As Long
  For r = 2 To 200
    If sheet.getCellByPosition(0, r).getString() = &quot;phone&quot; Then
      sheet.getCellByPosition(3, r).setString(&quot;0935 111 222&quot;)
    End If
  Next r
  Dim fam As Object
  fam = doc.Sheets.getByName(&quot;Quan hệ gia đình&quot;)
  fam.getCellByPosition(1, 10).setString(&quot;Bản thân&quot;)
  fam.getCellByPosition(2, 10).setString(&quot;Con&quot;)
  fam.getCellByPosition(3, 10).setString(&quot;Nguyễn Bảo Anh&quot;)
  fam.getCellByPosition(4, 10).setValue(2018)
  Dim out(0) As New com.sun.star.beans.PropertyValue
  out(0).Name = &quot;FilterName&quot;
  out(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(ConvertToURL(&quot;{out}&quot;), out())
  doc.close(True)
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
                   check=False, capture_output=True, timeout=180)


def test_filled_in_libreoffice_and_reviewed(db, tmp_path):
    admin = HoSoService(db)
    pid = str(admin.people.create_person(person_data(unit_code="DN.SNV")).id)
    issued = tmp_path / "phieu.xlsx"
    admin.declarations.issue(pid, issued)
    profile = tmp_path / "lo-profile"
    _soffice(profile, "--terminate_after_init")
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    if not module.parent.exists():
        pytest.skip("LibreOffice did not create its user profile")
    returned = tmp_path / "tra-ve.xlsx"
    module.write_text(MACRO.replace("{path}", str(issued)).replace("{out}", str(returned)), encoding="utf-8")
    _soffice(profile, "vnd.sun.star.script:Standard.Module1.Fill?language=Basic&location=application")
    assert returned.exists(), "LibreOffice did not save the filled file"
    found = admin.declarations.review(returned)
    assert found.problems == []
    assert {(c.key, c.declared) for c in found.changes} == {
        ("phone", "0935 111 222"), ("family[11]", "Bản thân; Con; Nguyễn Bảo Anh; 2018")}
    done = admin.declarations.accept(returned)
    assert len(done.accepted) == 2
    assert any(f["full_name"] == "Nguyễn Bảo Anh" for f in admin.people.person(pid)["family"])
