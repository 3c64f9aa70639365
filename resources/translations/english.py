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
    "連鎖の先頭を書き出す": "Export chain head",
    "記録の連鎖の先頭（SHA-256）をファイルに書き出し、後で照合できるように保管":
        "Write the head (SHA-256) of the record chain to a file, to keep and compare later",
    "書類保管_連鎖の先頭.txt": "archive_chain_head.txt", "テキスト (*.txt)": "Text (*.txt)",
    "連鎖の先頭を書き出しています…": "Writing the chain head…",
    "記録の連鎖の照合で {count}件の問題が見つかりました（保存後の変更・日付の書き換え・削除）。\n{lines}":
        "The record chain check found {count} problem(s) (changed, backdated or deleted after storing).\n{lines}",
    "記録の連鎖（金額・取引先・保存日時を含む）に問題はありません。":
        "The record chain (amounts, counterparties and storing times included) is intact.",
    "連鎖の先頭（第{seq}件）のSHA-256:\n{hash}": "SHA-256 of the chain head (record {seq}):\n{hash}",
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
    "表示言語（次回起動時）": "Language (at next start)", "テスト送信先": "Test mail to",
    "パスワード": "Password", "接続テスト": "Test connection", "メールサーバー（SMTP）": "Mail server (SMTP)",
    "なし": "None",
    "差出人（空欄で会社のメール）": "Sender (empty for the company mail)", "テストメールの宛先": "Test mail to",
    "テストメール": "Send test mail", "自動送信・その他": "Schedule and more",
    "メール確認のスケジュール（cron）": "Mail check schedule (cron)",
    "次回の実行": "Next runs", "出力フォルダー": "Output folder", "参照…": "Browse…",
    "表示言語（次回起動時に反映）": "Language (applies at the next start)",
    "31日以内に実行されません": "Does not run within 31 days", "保存しました。": "Saved.",
    "設定を保存しています…": "Saving the settings…", "接続しています…": "Connecting…",
    "差出人: 差出人か会社のメールを入力してください": "Sender: enter a sender or the company mail",
    "送信しています…": "Sending…", "{to} に送信しました": "Sent to {to}",
    "「T」と13桁の数字で、チェックデジットの合う番号を入力してください":
        "enter T and 13 digits with a matching check digit",
    "{low}〜{high} の整数を入力してください": "enter a whole number from {low} to {high}",
    "¥0の明細書": "¥0 statements", "メールしない": "Do not mail", "メールする": "Mail them",
    "メールアドレスを入力してください": "enter a mail address",
    "メールアドレスの形式が正しくありません": "not a valid mail address",
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
    # issue-installer2: the About dialog's build line.
    "ビルド": "Build", "開発版": "development install",
    # int3: the start-up error dialog.
    "アプリを起動できませんでした。": "The app could not start.",
    "期間（開始）": "Period from", "期間（終了）": "Period to",

    # ---- issue-i18n: the shell, status bar, tray, job centre, orders, supplies, operations ----
    "オロシ デスクトップ": "Oroshi Desktop", "{app} について": "About {app}",
    "支払明細書・出荷書類・ジョブの管理": "Payment statements, shipping documents and jobs",
    "支払明細書": "Statements", "注文・出荷": "Orders", "供給": "Supplies", "ジョブ": "Jobs",
    "ナビゲーション": "Navigation", "{view}の画面を開きます": "Open the {view} screen",
    "新規作成…": "New…", "この画面で新しく作成します（支払明細書: 仕切り作成）":
        "Create something new on this screen (statements: a statement run)",
    "表示中の書類を印刷します": "Print the document shown",
    "アプリを終了します（実行中のジョブは最後まで実行されます）": "Quit the app (running jobs run to the end)",
    "最新の情報に更新": "Refresh", "表示中の一覧を読み直します": "Read the list shown again",
    "表示中の一覧を検索します": "Search the list shown", "バージョン情報": "About",
    "アプリ・Qt・Python・データベースのバージョン": "Versions of the app, Qt, Python and the database",
    "ファイル(&F)": "&File", "表示(&V)": "&View", "ツール(&T)": "&Tools", "ヘルプ(&H)": "&Help",
    "今すぐメール確認": "Check mail now", "送信予定の支払明細書をいますぐ確認して送信します":
        "Look for statements due to be mailed and send them now",
    "一時停止": "Pause", "再開": "Resume", "このPCのジョブの実行を止めます（再開できます）":
        "Stop running this PC's jobs (you can resume)", "このPCのジョブの実行を再開します": "Run this PC's jobs again",
    "データベース: 埋め込み": "Database: built-in", "データベース: PostgreSQL {server}": "Database: PostgreSQL {server}",
    "一時停止中": "paused", "このアプリで実行中": "running in this app", "別のプロセスで実行中": "running in another process",
    "停止中": "stopped", "スケジューラー: {state}\u3000次のメール確認: {when}（{zone}）":
        "Scheduler: {state}   next mail check: {when} ({zone})",
    "スケジューラー: 確認中…": "Scheduler: checking…", "スケジューラーの状態": "Scheduler state",
    "接続状態": "Connection", "オンライン": "Online",
    "データベースに接続できません。自動で再接続を試みています。": "The database cannot be reached. Reconnecting by itself.",
    "データベースに接続できません。ネットワークとサーバーを確かめてください。つながると自動で最新の状態に戻ります。":
        "The database cannot be reached. Check the network and the server; the window updates by itself "
        "once it answers.",
    "予期しないエラーが発生しました。作業は完了していません。\nもう一度お試しください。続く場合は管理者に「詳細」の内容をお知らせください。":
        "An unexpected error occurred. The work was not completed.\nPlease try again. If it happens again, send "
        "the text under \u201cDetails\u201d to your administrator.",
    "記録: {file}": "Log: {file}", "詳しい記録はログにあります。": "The log has the full record.",
    "ジョブの実行を開始できませんでした（{error}）。oroshi-desktop worker で実行できます。":
        "The jobs could not be started ({error}). They can run with oroshi-desktop worker.",
    # the tray
    "正常": "OK", "エラーあり": "Errors", "送信中": "Sending", "タスクトレイで動作中です": "Running in the tray",
    "ウィンドウを閉じても、メールの定期確認とジョブは動き続けます。終了するにはトレイのメニューから「終了」を選びます。":
        "With the window closed, the mail check and the jobs keep running. To quit, choose \u201cQuit\u201d "
        "in the tray menu.",
    "要確認 {count} 件": "{count} to check", "送信失敗 {count} 件": "{count} mails failed",
    "失敗したジョブ {count} 件": "{count} jobs failed", "（{details}）": " ({details})",
    "支払明細書を送信しました": "Statements mailed", "支払明細書のメールを送信しました。": "The statement mails were sent.",
    "メールの送信に失敗しました": "A mail could not be sent",
    "ジョブ画面の送信キューで失敗の理由を確認できます。": "The mail queue in Jobs shows why.",
    "要確認のメールがあります": "A mail needs checking",
    "届いたかどうか分からないメールがあります。ジョブ画面で「再送」か「送信済みにする」を選んでください。":
        "It is not known whether a mail arrived. In Jobs, choose \u201cResend\u201d or \u201cMark as sent\u201d.",
    # the job centre
    "{count} 件は再実行できませんでした。": "{count} could not be retried.",
    "{count} 件は破棄できませんでした。": "{count} could not be discarded.",
    "このPCのみ（{pc}）": "This PC only ({pc})", "このPCのジョブだけを表示": "Show only this PC's jobs",
    "ジョブ {id}": "Job {id}", "{minutes}分ごと": "every {minutes} minutes", "まだありません": "none yet",
    "{when} {state}（{message}）": "{when} {state} ({message})",
    "定期メール確認 {schedule}（{zone}）\u3000前回: {last}\u3000次回: {next}":
        "Mail check {schedule} ({zone})   last: {last}   next: {next}",
    "（一時停止中のため送信しません）": " (paused: nothing is sent)",
    "{message}\n詳細（サポート用）: {error}": "{message}\nDetails (for support): {error}",
    "種類": "Kind", "状態": "State", "メッセージ": "Message", "作成": "Create", "開始": "Started",
    "試行": "Tries", "依頼したPC": "Requested by", "出力": "Output", "保存済み": "stored",
    "実行したPC: {pc}": "Ran on: {pc}", "明細書": "Statement", "最後のエラー・確認事項": "Last error / what to check",
    "宛先": "Recipients", "送信したPC": "Sent by", "{state}（第{generation}回）": "{state} (round {generation})",
    "「{name}」にメールをもう一度送りますか？": "Send the mail to \u201c{name}\u201d again?",
    "「{name}」へのメールを送信済みにしますか？": "Mark the mail to \u201c{name}\u201d as sent?",
    "宛先: {to}\n同じ支払明細書が、この宛先にもう一度届きます。":
        "To: {to}\nThe same payment statement reaches these recipients once more.",
    # orders and shipping documents
    "注文の一覧": "Orders", "絞り込んだ注文の合計": "Totals of the filtered orders",
    "{count}件\u3000貨物数量 {freight}口\u3000容器数量 {boxes}\u3000金額 ¥{amount}":
        "{count} orders   freight {freight} units   receptacles {boxes}   amount ¥{amount}",
    "運送会社と出荷日の出荷表を作成": "Make the shipping chart of a carrier and a day",
    "卸先ごとの出荷表を作成（すべて、または選んだ卸先のみ）": "Make a packing slip per buyer (all, or the selected ones)",
    "出荷日のまとめた出荷明細表を作成": "Make the shipping list of a day",
    "すべての出荷方法": "All shipping methods", "すべての注文カテゴリ": "All order categories", "出荷方法": "Shipping method",
    "出荷日（から）": "Shipping from", "出荷日（まで）": "Shipping to", "卸先・商品で検索": "Search by buyer or product",
    "注文カテゴリ": "Order category", "卸先": "Buyer", "商品・バリエーション": "Product / variation",
    "商品数量": "Items", "容器数量": "Receptacles", "貨物数量": "Freight", "単価": "Price", "出荷日": "Shipping date",
    "到着日": "Arrival date", "見積もり": "Estimate", "確認済み": "Confirmed", "出荷済み": "Shipped",
    "{quantity}（{receptacle}）": "{quantity} ({receptacle})",
    "出荷表": "Shipping chart", "卸先用出荷表": "Packing slips", "まとめた出荷明細表": "Shipping list",
    "書類を作成しています…": "Making the document…", "ISO B4（250×353 mm）": "ISO B4 (250×353 mm)",
    "JIS B4（257×364 mm）": "JIS B4 (257×364 mm)", "すべての卸先": "All buyers", "すべての運送会社": "All carriers",
    "一覧の出荷方法・注文カテゴリ・卸先の絞り込みも書類に反映されます。":
        "The list's shipping method, order category and buyer filters apply to the document too.",
    "印刷しない": "Do not print", "卸先カテゴリ: {name}": "Buyer category: {name}", "注文のない卸先": "Buyers without orders",
    "用紙": "Paper", "直接印刷": "Print directly", "表示": "Show", "設定どおり": "As in the settings",
    "運送会社": "Carrier", "運送会社のすべての卸先": "Every buyer of the carrier",
    "選んだ卸先のみ（{count}件）": "Only the selected buyers ({count})",
    # supplies and the check sheet
    "\u3000（単価未入力 {count}件）": "  ({count} without a price)",
    "{day:%Y/%m/%d} には供給がないため、チェック表を作成できません。":
        "There are no supplies on {day:%Y/%m/%d}, so no check sheet can be made.",
    "{day:%Y/%m/%d} の供給 {count}件": "{count} supplies on {day:%Y/%m/%d}",
    "すべての受入時間": "All reception times", "すべての組織": "All organizations", "すべての都道府県": "All prefectures",
    "チェック表を作成しています…": "Making the check sheet…", "供給の一覧": "Supplies", "供給の件数": "Number of supplies",
    "供給・受入チェック表 {day:%Y/%m/%d}": "Reception check sheet {day:%Y/%m/%d}",
    "供給日（供給のある日は色付き）": "Supply day (days with supplies are coloured)", "受入チェック表": "Check sheet",
    "受入時間": "Reception time", "選んだ日・都道府県・受入時間の供給・受入チェック表を作成して表示":
        "Make and show the reception check sheet of the chosen day, prefecture and reception time",
    "都道府県": "Prefecture", "生産者": "Producer", "数量": "Quantity", "ロック": "Locked", "ロック済み": "locked",
    "単価が入力されていません": "No price entered", "未入力": "none", "…": "…",
    # ---- issue-views (archive, settings, logo, printing) ----
    "{total}件（新しい順に{shown}件を表示。条件で絞り込んでください）":
        "{total} documents (the newest {shown} shown; narrow the search)",
    "ロゴ画像": "Logo", "ロゴ画像の見本": "Logo preview", "ロゴなし": "No logo", "画像を選ぶ…": "Choose image…",
 "画像 (*.png *.jpg *.jpeg)": "Images (*.png *.jpg *.jpeg)",
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
    "警告": "Warnings", "レイアウト:": "Layout:", "送信日時:": "Send at:",
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
 "パスワード（クリックでコピー）": "Password (click to copy)",
    "クリックするとパスワードを表示します。表示中にクリックするとコピーします。":
        "Click to show the password; click the shown password to copy it.",
    "コピーしました": "Copied", "{name} 見本（組織）": "{name} sample (organization)",
    "送信待ち": "Waiting", "送信済み": "Sent", "失敗": "Failed", "要確認": "Check needed",
    "供給者": "Producers", "メール: 送信済み（{time}、Webシステムから）": "Mail: sent ({time}, from the web system)",
    "メール: まだ送信キューにありません": "Mail: not in the send queue yet", "メール: {state}": "Mail: {state}",
    "試行 {count} 回": "{count} attempts", "第{generation}回の送信": "send {generation}", "送信 {time}": "sent {time}",
    "宛先 {recipients}": "to {recipients}", "（CC: {cc}）": " (CC: {cc})",
    "支払明細書の詳細": "Payment statement details",
    "一覧から支払明細書を選んでください。": "Select a payment statement in the list.",
    "メール送信: する（{time}）": "Mail: yes ({time})", "メール送信: しない": "Mail: no", "状態: {state}": "State: {state}",
    "（期間なし）": "(no period)", "0件": "none", "{count}件: ": "{count}: ", "する": "yes", "しない": "no",
    "期間": "Period", "レイアウト": "Layout", "送信日時": "Send at", "新規作成": "New",
    "新しい支払明細書を作成（仕切り作成）": "Create a new payment statement",
    "選んだ支払明細書のPDFを作成": "Make the PDFs of the selected statement", "プレビュー": "Preview",
    "選んだ支払明細書のPDFを表示": "Show the PDFs of the selected statement", "メールプレビュー": "Mail preview…",
    "送信されるメールをそのまま表示": "Show the mail exactly as it will be sent", "今すぐ送信": "Send now",
    "選んだ支払明細書のメールを今すぐ送信": "Send the mail of the selected statement now",
    "送信済みのメールをもう一度送信": "Send the sent mail once more",
    "要確認のメールを送信済みにする": "Mark the mail that needs checking as sent", "削除": "Delete",
    "選んだ支払明細書を削除（未送信のみ）": "Delete the selected statement (only when not sent)",
    "会社のメールアドレス（組織のメールアドレスなし）": "the company's address (the organization has none)",
    "・{name}: {to}": "• {name}: {to}", "支払明細書のメールを送信しますか？": "Send the payment statement mail?",
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
    # ---- issue-clerka: settings that take effect, the refusal before a send, 今日 ----
    "メールサーバーが設定されていません。": "No mail server is set up.",
    "「設定」の「メールサーバー（SMTP）」にサーバー名とポート番号を入力して保存してから、もう一度送信してください。":
        "Enter the server name and port under \u201cMail server (SMTP)\u201d in Settings, save, then send again.",
    "設定を開く": "Open Settings", "今日": "Today", "起動時の画面": "View at start",
    "前回の画面": "The last view",
    "保存しました。送信キューと自動送信は新しい設定で動きます。":
        "Saved. The send queue and the automatic mail use the new settings from now on.",
    "表示言語は次回の起動から変わります。": "The display language changes at the next start.",
    "更新": "Refresh", "今日の予定を読み直します": "Read today's work again", "{title}（{count}件）": "{title} ({count})",
    "今日 {date}": "Today, {date}", "今日と明日の出荷": "Shipments today and tomorrow",
    "今日と明日の出荷はありません。": "Nothing ships today or tomorrow.", "明日": "Tomorrow",
    "{when} {date} {carrier}: {orders}件（{units}口）": "{when} {date} {carrier}: {orders} orders ({units} units)",
    "この日・この運送会社の注文を開きます": "Open the orders of this day and carrier",
    "{document}を作成して表示します": "Make and show the {document}",
    "今日メールで送る支払明細書": "Payment statements mailed today",
    "今日送信予定の支払明細書はありません。": "No payment statement is to be mailed today.",
    "No.{id} {period}: {when} に送信（{count}組織）": "No.{id} {period}: sent at {when} ({count} organizations)",
    "支払明細書を開きます": "Open the payment statement", "確認が必要なメール": "Mails that need a decision",
    "確認が必要なメールはありません。": "No mail needs a decision.", "{state}: No.{id} {organization}": "{state}: No.{id} {organization}",
    "支払明細書の詳細で「再送」か「送信済みにする」を選びます":
        "Choose \u201cResend\u201d or \u201cMark as sent\u201d in the statement's detail",
    "単価が未設定の供給": "Supplies without a price", "単価が未設定の供給はありません。": "Every supply has a price.",
    "{date}: {count}件（支払明細書に¥0と印刷されます）": "{date}: {count} (a statement would print ¥0 for them)",
    "この日の供給を開きます": "Open this day's supplies", "失敗したジョブ": "Failed jobs",
    "失敗したジョブはありません。": "No job failed.", "{kind}: {message}": "{kind}: {message}",
    "ほか {count}件": "{count} more", "次のメール確認": "Next mail check", "確認しています…": "Checking…",
    "ジョブの画面を開きます": "Open the jobs view", "この組織に再送": "Resend to this organization",
    "この組織にだけメールをもう一度送ります": "Send the mail again to this organization only",
    "直前のジョブ: {reason}": "Last job: {reason}",
    # issue-clerkb: lists to Excel and the clipboard, the 操作 menu, the status bar's notices
    "Excelに出力…": "Export to Excel…",
    "一覧を表示中の絞り込みと並び順のままExcel（.xlsx）またはCSVに出力します":
        "Export the list as shown (its filter and order) to Excel (.xlsx) or CSV",
    "選んだ行をコピー": "Copy selected rows",
    "選んだ行を見出し付きでコピーします（Excelにそのまま貼り付けられます）":
        "Copy the selected rows with the header (they paste into Excel as cells)",
    "一覧の出力先": "Export the list to", "Excel ブック (*.xlsx);;CSV（UTF-8） (*.csv)":
        "Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)",
    "{count}件を {file} に出力しました": "{count} rows exported to {file}", "一覧を出力しています…": "Exporting the list…",
    "最後の操作の結果": "Result of the last action", "操作(&O)": "&Actions",
    "{pages}ページを {file} に出力しました": "{pages} pages written to {file}",
    "プリンター「{printer}」に{sheets}枚を送りました": "{sheets} sheets sent to the printer “{printer}”",
    "Ctrl+Enter でも作成できます": "Ctrl+Enter also creates it", "タブを閉じる": "Close tab", "試行 1 回": "1 attempt", "第{generation}回: {state}（試行 1 回": "Send {generation}: {state} (1 attempt",
    # issue-bounce (不達)
    "不達": "Bounced", "今すぐ不達を確認": "Check for bounces now",
    "不達通知のメールボックスをいますぐ確認します（設定のIMAP）":
        "Read the bounce mailbox now (the IMAP settings)",
    "不達 {count} 件": "{count} bounced",
    "届かなかった支払明細書があります（不達）": "A payment statement did not arrive (bounced)",
    "相手のメールサーバーから不達の通知が届きました。支払明細書の画面で宛先と理由を確認し、宛先を直してから「再送」を選んでください。":
        "The recipient's mail server sent a bounce notice. Check the address and the reason in the payment "
        "statements, correct the address, then choose \u201cResend\u201d.",
    "不達: {address} に届きませんでした（{status}、{time} に通知）\n理由: {why}":
        "Bounced: not delivered to {address} ({status}, notice of {time})\nReason: {why}",
    "再送先（現在の登録）: {email}": "Resend to (as registered now): {email}",
    "再送先がありません。Webシステムでメールアドレスを登録してください。":
        "No address to resend to. Register the mail address in the web system.",
    "{email} に再送": "Resend to {email}",
    "Webシステムで直した現在の宛先に、この組織の支払明細書をもう一度送ります":
        "Send this organization's statement again to its current address, as corrected in the web system",
    "送信済みにする…": "Mark as sent…",
    "郵送や手渡しなど、ほかの方法で届けたときに、メモを付けて送信済みにします":
        "When it was delivered another way (post, by hand): mark as sent with a note",
    "「{name}」に支払明細書をもう一度送りますか？": "Send the payment statement to \u201c{name}\u201d again?",
    "宛先: {email}（現在の登録）\n届かなかった宛先: {bounced}":
        "To: {email} (as registered now)\nBounced address: {bounced}",
    "{email} に再送する": "Resend to {email}", "{email} に再送します。": "Resending to {email}.",
    "「{name}」にどのように届けましたか？（例: 郵送、手渡し）":
        "How did \u201c{name}\u201d receive it? (e.g. by post, by hand)",
    "不達通知のメールボックス（IMAP）": "Bounce mailbox (IMAP)",
    "接続できました（未確認のメール {count} 件）":
        "Connected ({count} messages not yet checked)",
}
# The same source text with another meaning in one context: (context, source) → English.
ENGLISH_IN_CONTEXT = {
    ("MainWindow", "終了"): "Quit", ("JobTableModel", "終了"): "Finished",
    ("Tray", "一時停止"): "Paused",
    ("OutboxTableModel", "組織"): "Organization", ("SupplyTableModel", "組織"): "Organization",
    ("SupplyTableModel", "種類"): "Variation",
    ("JobTableModel", "作成"): "Created", ("LogoField", "削除"): "Remove",
    ("ListExportToolBar", "Excelに出力…"): "To Excel…",  # the tool-bar button; its menu entry says it whole
}


def unfinished(ts_path: Path) -> list[tuple[str, str, str]]:
    """``(context, file:line, source)`` of every message without an English text in ``ENGLISH``."""
    left = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if english(name, source) is None:
                where = message.find("location")
                place = f"{where.get('filename')}:{where.get('line')}" if where is not None else "?"
                left.append((name, place, source))
    return left


def english(context: str, source: str) -> str | None:
    return ENGLISH_IN_CONTEXT.get((context, source), ENGLISH.get(source))


def apply(ts_path: Path) -> tuple[int, int]:
    tree = ET.parse(ts_path)
    done = missing = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            done, missing = _fill(message, english(name, message.findtext("source") or ""), done, missing)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return done, missing


def _fill(message: ET.Element, text: str | None, done: int, missing: int) -> tuple[int, int]:
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if text is not None:
        translation.text = text
        translation.attrib.pop("type", None)
        return done + 1, missing
    if not (translation.text or "").strip():
        translation.set("type", "unfinished")
        return done, missing + 1
    return done, missing


if __name__ == "__main__":
    # english.py FILE.ts: fill the English texts in; english.py --unfinished FILE.ts: list what has none
    if sys.argv[1] == "--unfinished":
        for context, place, source in unfinished(Path(sys.argv[2])):
            print(f"{place}\t{context}\t{source!r}")
        sys.exit(0)
    filled, left = apply(Path(sys.argv[1]))
    print(f"English: {filled} translated, {left} still unfinished")
