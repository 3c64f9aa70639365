"""The manuals quote the app as it is: every ``oroshi-desktop …`` command they show is one the
command line accepts, every screenshot they show exists, every manual is linked from the README,
and the button names they tell the reader to press are texts the views really have (and the
manuals name them)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from oroshi_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
MANUALS = ROOT / "docs" / "manual"
JAPANESE = ("操作マニュアル.md", "運用ガイド.md", "トラブルシューティング.md", "システム概要書.md")
COMMAND = re.compile(r"(?:`|^\s*|\.exe\"?\s|/)(oroshi-desktop(?:\.exe)?(?: [^`\n#<>（]*)?)", re.MULTILINE)
PLACEHOLDERS = {"ID": "7", "FILE": "x.eml", "FILE.eml": "x.eml", "明細書.eml": "x.eml", "鍵ファイル": ""}


def quoted_commands(text: str) -> list[str]:
    commands = []
    for match in COMMAND.finditer(text):
        line = match.group(1).split(" < ")[0].split("  ")[0].strip().rstrip("`'\"").strip()
        if "…" in line or "|" in line or "[" in line:  # a family of commands ("render …"), not one
            continue
        commands.append(line)
    return commands


def all_commands() -> list[tuple[str, str]]:
    found = []
    for name in (*JAPANESE, "install-guide.md"):
        for command in quoted_commands((MANUALS / name).read_text(encoding="utf-8")):
            found.append((name, command))
    return found


def test_the_manuals_quote_many_commands():
    names = {command.split()[1] if " " in command else "" for _doc, command in all_commands()}
    assert {"db", "smtp", "worker", "jobs", "outbox", "--self-test", "--version"} <= names


@pytest.mark.parametrize("doc, command", all_commands())
def test_every_quoted_command_is_one_the_app_accepts(doc, command):
    words = [PLACEHOLDERS.get(word, word) for word in shlex.split(command)[1:]]
    words = [word for word in words if word]
    parser = build_parser()
    if words in (["--version"], ["--help"]):
        return
    try:
        parser.parse_args(words)
    except SystemExit as exit_:  # argparse's way of refusing
        pytest.fail(f"{doc}: `{command}` is refused by the command line ({exit_.code})")


@pytest.mark.parametrize("name", JAPANESE)
def test_every_picture_exists(name):
    text = (MANUALS / name).read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    for picture in pictures:
        assert (MANUALS / picture).resolve().is_file(), f"{name}: {picture}"


def test_the_user_manual_shows_every_view():
    text = (MANUALS / "操作マニュアル.md").read_text(encoding="utf-8")
    for picture in ("orders_list.png", "orders_shipping_chart_dialog.png", "supplies_list.png",
                    "supplies_check_sheet_viewer.png", "archive_list.png", "settings.png", "tray_menu.png",
                    "jobs_outbox_uncertain_selected.png", "statements_bounced.png", "jobs_outbox_bounced.png"):
        assert picture in text, picture


def test_the_readme_and_the_index_link_every_manual():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    index = (MANUALS / "README.md").read_text(encoding="utf-8")
    for name in (*JAPANESE, "install-guide.md"):
        assert f"docs/manual/{name}" in readme, name
        assert f"({name})" in index, name


# Buttons and labels the user manual tells the reader to press or look for, with the view that has them.
LABELS = {
    "ui/orders/view.py": ("出荷表", "卸先用出荷表", "まとめた出荷明細表"),
    "ui/orders/filters.py": ("卸先・商品で検索", "すべての運送会社"),
    "ui/orders/documents.py": ("表示", "直接印刷", "注文のない卸先", "選んだ卸先のみ（{count}件）", "用紙",
                               "一覧の出荷方法・注文カテゴリ・卸先の絞り込みも書類に反映されます。",
                               "書類を作成しています…"),
    "ui/supplies/view.py": ("受入チェック表", "すべての都道府県", "すべての受入時間", "すべての組織",
                            "チェック表を作成しています…", "供給のある日は色付き"),
    "ui/archive/view.py": ("開く", "印刷", "整合性チェック", "CSV出力", "書類保管.csv",
                           "保管された書類は変更・削除できません（電子帳簿保存法）。"),
    "ui/archive/filters.py": ("発行日:", "金額:", "下限（円）", "上限（円）", "取引先（組織・生産者）で検索",
                              "発行日: 終了日が開始日より前です", "金額: 上限が下限より小さくなっています"),
    "ui/settings/view.py": ("会社情報（支払明細書・出荷書類に印刷）", "書類の設定（全員共通）", "接続テスト",
                            "テストメール", "テスト送信先", "表示言語（次回起動時）", "参照…",
                            "次回の実行", "出力フォルダー", "保存"),
    "oroshi_desktop/settings_schema.py": ("メール確認（cron）",),  # the form's labels come from the schema
    "ui/settings/form.py": ("変更しない場合は空欄",),
    "ui/jobs/view.py": ("再実行", "破棄", "出力を開く", "失敗をすべて再実行", "すべて破棄",
                        "破棄したジョブは実行されません（あとから再実行はできます）。"),
    "ui/jobs/outbox_panel.py": ("支払明細書のメール送信キュー（全PC）", "送信状態で絞り込み", "再送", "送信済みにする",
                                "共有データベースに接続できません。つながると自動で最新の状態になります。"),
    "ui/tray.py": ("開く", "タスクトレイで動作中です", "支払明細書を送信しました", "メールの送信に失敗しました",
                   "要確認のメールがあります", "ジョブ画面の送信キューで失敗の理由を確認できます。"),
    "ui/shell/status_bar.py": ("オンライン", "接続できません", "データベースに接続できません。自動で再接続を試みています。",
                               "別のプロセスで実行中", "一時停止中"),
    "ui/about.py": ("ビルド", "開発版"),
}


@pytest.mark.parametrize("module", sorted(LABELS))
def test_the_labels_the_manual_names_are_in_the_views(module):
    source = (ROOT / module).read_text(encoding="utf-8")
    manual = "".join((MANUALS / name).read_text(encoding="utf-8") for name in JAPANESE)
    for label in LABELS[module]:
        assert f'"{label}"' in source or f"{label}" in source, f"{module}: {label}"
        plain = label.split("{")[0]
        assert plain in manual, f"the manual does not say {label!r}"
