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
    # ---- issue-uistatements: the 支払明細書 view, its dialogs and the lazy list model ----
    "期間:": "Period:", "組織名で検索": "Search by organization", "状態で絞り込む": "Filter by state",
    "差出人 (From):": "From:", "宛先 (To):": "To:", "CC:": "CC:", "件名:": "Subject:", "添付:": "Attachments:",
    "HTML": "HTML", "テキスト": "Text", "（なし）": "(none)", "メールのプレビュー": "Mail preview",
    "{name}（パスワード）": "{name} (password)",
    "注意: 受信者のブラウザやメールアプリケーションにより、表示が若干異なる場合があります。":
        "Note: the recipient's browser or mail application may show it slightly differently.",
    "組織・簡易版": "Org. · simple", "組織・標準版": "Org. · standard", "供給者・簡易版": "Producers · simple",
    "供給者・標準版": "Producers · standard", "仕切り作成": "New payment statement",
    "選択した日付の範囲内の供給ある日: …": "Days with supplies in the chosen range: …", "供給組織": "Supplier organizations",
    "読み込み中…": "Loading…", "CC（会社）: …": "CC (company): …", "簡易版": "Simple", "標準版": "Standard",
    "メールを送信する": "Send by mail", "yyyy年MM月dd日 HH:mm": "yyyy-MM-dd HH:mm",
    "送信日時を過ぎると10分以内に送信されます。": "Sent within 10 minutes once the send time has passed.",
    "警告": "Warnings", "作成": "Create", "レイアウト:": "Layout:", "送信日時:": "Send at:",
    "プレビュー（見本）": "Previews (samples)", "CC（会社）: {cc}": "CC (company): {cc}",
    "CC（会社）: （会社のメールアドレスなし）": "CC (company): (the company has no mail address)",
    "（終了日をクリック）": " (click the end day)", "期間: {start} 〜 {end}": "Period: {start} – {end}",
    "選択した日付の範囲内の供給ある日: {days}日": "Days with supplies in the chosen range: {days}",
    "警告はありません。": "No warnings.", "プレビューを作成しています…": "Making the preview…",
    "供給組織: 少なくとも1つ必要です": "Supplier organizations: choose at least one", "・{warning}": "• {warning}",
    "\n…ほか{count}件": "\n… and {count} more",
    "次の警告があります。\n{warnings}\n\nこのまま作成しますか？":
        "There are these warnings:\n{warnings}\n\nCreate the statement anyway?",
    "支払明細書を作成しています…": "Creating the payment statement…",
    "PDFはまだ作成されていません。": "The PDFs are not made yet.", "PDFがありません。": "There are no PDFs.",
    "{kind}のPDFを開く": "Open the {kind} PDF", "エラー: {error}": "Error: {error}",
    "第{generation}回: {state}（試行 {count} 回": "Send {generation}: {state} ({count} attempts",
    "、送信 {time}": ", sent {time}", "、{error}": ", {error}", "）": ")", "これまでの送信:": "Earlier sends:",
    "…": "…", "パスワード（クリックでコピー）": "Password (click to copy)",
    "クリックするとパスワードを表示します。表示中にクリックするとコピーします。":
        "Click to show the password; click the shown password to copy it.",
    "コピーしました": "Copied", "{name} 見本（組織）": "{name} sample (organization)",
    "送信待ち": "Waiting", "送信中": "Sending", "送信済み": "Sent", "失敗": "Failed", "要確認": "Check needed",
    "供給者": "Producers", "メール: 送信済み（{time}、Webシステムから）": "Mail: sent ({time}, from the web system)",
    "メール: まだ送信キューにありません": "Mail: not in the send queue yet", "メール: {state}": "Mail: {state}",
    "試行 {count} 回": "{count} attempts", "第{generation}回の送信": "send {generation}", "送信 {time}": "sent {time}",
    "宛先 {recipients}": "to {recipients}", "（CC: {cc}）": " (CC: {cc})",
    "支払明細書の詳細": "Payment statement details",
    "一覧から支払明細書を選んでください。": "Select a payment statement in the list.",
    "メール送信: する（{time}）": "Mail: yes ({time})", "メール送信: しない": "Mail: no", "状態: {state}": "State: {state}",
    "（期間なし）": "(no period)", "0件": "none", "{count}件: ": "{count}: ", "する": "yes", "しない": "no",
    "期間": "Period", "レイアウト": "Layout", "送信日時": "Send at", "状態": "State", "新規作成": "New",
    "新しい支払明細書を作成（仕切り作成）": "Create a new payment statement",
    "選んだ支払明細書のPDFを作成": "Make the PDFs of the selected statement", "プレビュー": "Preview",
    "選んだ支払明細書のPDFを表示": "Show the PDFs of the selected statement", "メールプレビュー": "Mail preview…",
    "送信されるメールをそのまま表示": "Show the mail exactly as it will be sent", "今すぐ送信": "Send now",
    "選んだ支払明細書のメールを今すぐ送信": "Send the mail of the selected statement now",
    "送信済みのメールをもう一度送信": "Send the sent mail once more",
    "要確認のメールを送信済みにする": "Mark the mail that needs checking as sent", "削除": "Delete",
    "選んだ支払明細書を削除（未送信のみ）": "Delete the selected statement (only when not sent)",
    "支払明細書": "Payment statements",
    "会社のメールアドレス（組織のメールアドレスなし）": "the company's address (the organization has none)",
    "・{name}: {to}": "• {name}: {to}", "インボイスのメールを送信しますか？": "Send the invoice mail?",
    "次の宛先にメールをもう一度送信します。受信者には同じ明細書が2通届きます。\n{recipients}\n\n再送しますか？":
        "The mail is sent once more to these recipients; they will get the same statement twice.\n{recipients}\n\n"
        "Send it again?",
    "次の組織のメールを「送信済み」にします。受信者に届いていることを確認しましたか？\n{names}\n\n送信済みにすると、このメールは自動では再送されません。":
        "The mail of these organizations will be marked as sent. Did you check that it arrived?\n{names}\n\n"
        "Once marked as sent, this mail is not sent again automatically.",
    "・{name}": "• {name}",
    "No.{id}（{names}）を削除しますか？\n作成したPDFも削除されます。この操作は元に戻せません。":
        "Delete No.{id} ({names})?\nIts PDFs are deleted too. This cannot be undone.",
    "各組織の状態とエラーは右側の詳細に表示されています。": "Each organization's state and error are shown in the details on the right.",
    "支払明細書の一覧": "Payment statement list",
    "印刷できるPDFがありません。先に「作成」してください。": "There is no PDF to print. Use “Create” first.",
    "{count} 件": "{count} statements",
    "ジョブの実行を準備しています。少し待ってからもう一度お試しください。":
        "The job queue is starting. Please wait a moment and try again.",
    "メールを作成しています…": "Composing the mail…", "送信済みにしています…": "Marking as sent…",
    "削除しています…": "Deleting…",
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
