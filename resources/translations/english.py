"""English texts for oroshi_en.ts, applied by ``update.sh`` after pyside6-lupdate.

Kept as a plain table so the texts review like code and survive regeneration; a source text
without an entry stays "unfinished" in the .ts (and shows in Japanese) until one is added here or
in pyside6-linguist.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ENGLISH = {
    "発行日:": "Issued:", "発行日（開始）": "Issued from", "発行日（終了）": "Issued to",
    "金額（下限）": "Amount (min)", "下限（円）": "Min (yen)", "金額（上限）": "Amount (max)", "上限（円）": "Max (yen)",
    "取引先（組織・生産者）で検索": "Search by counterparty (organization or producer)", "金額:": "Amount:",
    "{field}: 0以上の整数（円）で入力してください": "{field}: enter a whole number of yen, 0 or more",
    "発行日: 終了日が開始日より前です": "Issue date: the end is before the start",
    "金額: 上限が下限より小さくなっています": "Amount: the maximum is below the minimum",
    "書類保管": "Archive", "保管された支払明細書の一覧": "Stored payment statements", "開く": "Open",
    "選んだ書類をビューアーで開く": "Open the selected document in the viewer", "印刷": "Print",
    "選んだ書類を印刷": "Print the selected document", "整合性チェック": "Integrity check",
    "一覧の各ファイルのSHA-256を計算し直し、保存時の値と照合":
        "Recompute the SHA-256 of every listed file and compare it with the stored value",
    "CSV出力": "Export CSV", "一覧をCSVファイルに出力（Excelで開けます）": "Export the list as CSV (opens in Excel)",
    "保管された書類は変更・削除できません（電子帳簿保存法）。":
        "Stored documents can be neither changed nor deleted (Electronic Books Maintenance Act).",
    "検索しています…": "Searching…", "{count}件": "{count} documents", "PDFを読み込んでいます…": "Loading the PDF…",
    "{name}（第{version}版）": "{name} (version {version})",
    "保存された書類のSHA-256を照合しています…": "Checking the SHA-256 of the stored documents…",
    "・{name}（第{version}版, 文書番号 {id}）": "• {name} (version {version}, document {id})",
    "{checked}件中 {bad}件の書類が保存時の内容と一致しません。保存後に書き換えられた可能性があります。\n\n{lines}":
        "{bad} of {checked} documents no longer match what was stored. They may have been altered after "
        "they were stored.\n\n{lines}",
    "{checked}件すべての書類が保存時の内容（SHA-256）と一致しました。":
        "All {checked} documents match what was stored (SHA-256).",
    "書類保管.csv": "archive.csv", "CSVファイル (*.csv)": "CSV files (*.csv)", "CSVを書き出しています…": "Writing the CSV…",
    "印刷する書類を一覧から選んでください。": "Select the document to print in the list.",
    "〜": "–", "、": ", ", "供給者別": "Producers", "組織": "Org.", "発行日": "Issued", "取引先": "Counterparty",
    "登録番号": "Registration no.", "支払金額": "Amount", "形式": "Format", "版": "Ver.", "ファイル名": "File name",
    "SHA-256": "SHA-256",
    "設定": "Settings", "保存": "Save", "変更しない場合は空欄": "Leave empty to keep it",
    "会社情報（支払明細書・出荷書類に印刷）": "Company (printed on statements and shipping documents)",
    "会社名": "Company name", "郵便番号": "Postal code", "住所": "Address", "電話番号": "Phone", "FAX番号": "Fax",
    "メール": "Mail", "ウェブサイト": "Website",
    "ロゴ画像: 現在の印刷様式には表示欄がありません（未対応）":
        "Logo image: the current print layouts have no place for it (not supported)",
    "書類の設定（全員共通）": "Documents (shared by every PC)", "端数処理": "Rounding", "四捨五入": "Round half up",
    "切り捨て": "Round down", "パスワードの送付": "Password delivery", "同じメール": "In the same mail",
    "別のメール": "In a separate mail", "出荷表の用紙": "Shipping chart paper", "データベース": "Database",
    "接続先URL": "URL", "postgresql://ユーザー@サーバー/DB（空欄で内蔵DB）": "postgresql://user@server/db (empty: built-in)",
    "空欄で会社のメール": "empty: the company mail", "差出人": "Sender", "メール確認（cron）": "Mail check (cron)",
    "表示言語（次回起動時）": "Language (at next start)", "テスト送信先": "Test mail to",
    "パスワード": "Password", "接続テスト": "Test connection", "メールサーバー（SMTP）": "Mail server (SMTP)",
    "サーバー名": "Server", "ポート番号": "Port", "暗号化": "Security", "なし": "None", "ユーザー名": "User name",
    "差出人（空欄で会社のメール）": "Sender (empty for the company mail)", "テストメールの宛先": "Test mail to",
    "テストメール": "Send test mail", "自動送信・その他": "Schedule and more",
    "メール確認のスケジュール（cron）": "Mail check schedule (cron)", "タイムゾーン": "Time zone",
    "次回の実行": "Next runs", "出力フォルダー": "Output folder", "参照…": "Browse…",
    "表示言語（次回起動時に反映）": "Language (applies at the next start)",
    "31日以内に実行されません": "Does not run within 31 days", "保存しました。": "Saved.",
    "設定を保存しています…": "Saving the settings…", "接続しています…": "Connecting…",
    "差出人: 差出人か会社のメールを入力してください": "Sender: enter a sender or the company mail",
    "送信しています…": "Sending…", "{to} に送信しました": "Sent to {to}",
    "「T」と13桁の数字で、チェックデジットの合う番号を入力してください":
        "enter T and 13 digits with a matching check digit",
    "1〜65535 の数字を入力してください": "enter a number from 1 to 65535",
    "URLの形式が正しくありません（例: postgresql://user@host:5432/oroshi）":
        "not a valid URL (e.g. postgresql://user@host:5432/oroshi)",
    "postgresql:// か sqlite:/// で始まるURLを入力してください": "enter a URL starting with postgresql:// or sqlite:///",
    "URLにパスワードを含めないでください（パスワード欄に入力します）":
        "no password in the URL (type it in the password field)",
    "サーバー名（ホスト）がありません": "the server (host) is missing",
    "メールアドレスを入力してください": "enter a mail address",
    "メールアドレスの形式が正しくありません": "not a valid mail address",
    "不明なタイムゾーンです（例: Asia/Tokyo）": "unknown time zone (e.g. Asia/Tokyo)",
    "cron形式（分 時 日 月 曜日の5項目）で入力してください（例: */10 * * * *）":
        "enter five cron fields: minute hour day month weekday (e.g. */10 * * * *)",
    # the PDF viewer, printing and the confirmation dialog
    "PDFのページ": "PDF pages", "ページ番号": "Page number", "/ {count} ページ": "/ {count} pages",
    "PDF内を検索": "Search in the PDF", "検索": "Search", "縮小": "Zoom out", "拡大": "Zoom in",
    "幅に合わせる": "Fit width", "ページ全体": "Whole page", "前へ": "Previous", "次へ": "Next",
    "名前を付けて保存…": "Save as…", "印刷…": "Print…", "見つかりません": "Not found",
    "{shown} / {count} 件": "{shown} / {count}", "名前を付けて保存": "Save as",
    "保存できませんでした: {path}\n{reason}": "Could not save: {path}\n{reason}",
    "PDFビューア": "PDF viewer", "開いているPDF": "Open PDFs",
    "「{title}」はパスワードで保護されています。\nパスワードを入力してください。":
        "\u201c{title}\u201d is protected by a password.\nEnter the password.",
    "キャンセル": "Cancel", "{page} / {total} ページ": "Page {page} of {total}", "印刷しています…": "Printing…",
    # the job centre and the about box
    "このPCのジョブ": "Jobs of this PC", "この組織にメールをもう一度送ります": "Send the mail to this organization again",
    "すべての状態": "All states", "すべての種類": "All kinds", "すべて再実行": "Retry all", "すべて破棄": "Discard all",
    "アプリ": "App", "ジョブが作ったファイルを開きます": "Open the file the job made",
    "ジョブを破棄しています…": "Discarding jobs…", "ジョブ一覧": "Jobs", "データベース:": "Database:",
    "ファイルを開いています…": "Opening the file…", "メール送信キュー": "Mail queue",
    "共有データベースに接続できません。つながると自動で最新の状態になります。":
        "The shared database cannot be reached. The list updates by itself once it answers.",
    "再実行": "Retry", "再送": "Resend", "再送する": "Resend", "再送を準備しています…": "Preparing the resend…",
    "出力を開く": "Open output", "失敗したジョブを再実行しています…": "Retrying the failed jobs…",
    "失敗をすべて再実行": "Retry all failed", "失敗・破棄したジョブをもう一度実行します": "Run a failed or discarded job again",
    "定期メール確認: 読み込み中…": "Mail check: loading…",
    "届いていることを確かめたメールを送信済みにします": "Mark a mail you know has arrived as sent",
    "待機中・失敗のジョブを実行しないようにします": "Keep a queued or failed job from running",
    "接続できません": "Cannot connect", "支払明細書のメール送信キュー（全PC）": "Statement mail queue (all PCs)",
    "状態:": "State:", "状態で絞り込み": "Filter by state",
    "相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。":
        "Choose this only after checking that the mail arrived. It will not be resent.",
    "破棄": "Discard", "破棄したジョブは実行されません（あとから再実行はできます）。":
        "Discarded jobs do not run (you can retry them later).",
    "確認中…": "Checking…", "種類:": "Kind:", "種類で絞り込み": "Filter by kind",
    "絞り込んだ一覧の失敗したジョブをすべて再実行します": "Retry every failed job in the filtered list",
    "絞り込んだ一覧の失敗したジョブをすべて再実行しますか？": "Retry every failed job in the filtered list?",
    "絞り込んだ一覧の待機中・失敗のジョブをすべて破棄します": "Discard every queued or failed job in the filtered list",
    "絞り込んだ一覧の待機中・失敗のジョブをすべて破棄しますか？": "Discard every queued or failed job in the filtered list?",
    "送信済みにする": "Mark as sent", "送信状態で絞り込み": "Filter by mail state", "閉じる": "Close",
    # ---- issue-views (archive, settings, logo, printing) ----
    "{total}件（新しい順に{shown}件を表示。条件で絞り込んでください）":
        "{total} documents (the newest {shown} shown; narrow the search)",
    "ロゴ画像": "Logo", "ロゴ画像の見本": "Logo preview", "ロゴなし": "No logo", "画像を選ぶ…": "Choose image…",
    "削除": "Remove", "画像 (*.png *.jpg *.jpeg)": "Images (*.png *.jpg *.jpeg)",
    "PNGまたはJPEG（{mb} MBまで）。標準版の明細書とチェック表に印刷されます。":
        "PNG or JPEG (up to {mb} MB). Printed on standard-layout statements and check sheets.",
    "保存されている画像を読み込めません（印刷されません）": "The stored image cannot be read (it is not printed)",
    "PNGまたはJPEGの画像を選んでください": "choose a PNG or JPEG image",
    "ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）":
        "the file is too large ({size:,} bytes, at most {limit:,})",
    "ファイルを開けません（{reason}）": "the file cannot be opened ({reason})",
    "画像が大きすぎます（PNGにして {size:,} バイト、上限 {limit:,} バイト）":
        "the image is too large ({size:,} bytes as PNG, at most {limit:,})",
    "画像の大きさが範囲外です（{w}×{h} ピクセル、上限 {limit}）":
        "the image is out of range ({w}×{h} pixels, at most {limit})",
    "画像を読み込めません（壊れているか、対応していない形式です）":
        "the image cannot be read (it is damaged or of an unsupported kind)",
}


def apply(ts_path: Path) -> tuple[int, int]:
    tree = ET.parse(ts_path)
    done = missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if source in ENGLISH:
            translation.text = ENGLISH[source]
            translation.attrib.pop("type", None)
            done += 1
        elif not (translation.text or "").strip():
            translation.set("type", "unfinished")
            missing += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


if __name__ == "__main__":
    filled, left = apply(Path(sys.argv[1]))
    print(f"English: {filled} translated, {left} still unfinished")
