<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="46" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="48" />
        <source>アプリ</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="54" />
        <source>データベース:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="57" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="61" />
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
</context>
<context>
    <name>ArchiveFilterBar</name>
    <message>
        <location filename="../../ui/archive/filters.py" line="55" />
        <source>発行日:</source>
        <translation>Issued:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="60" />
        <source>発行日（開始）</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="63" />
        <source>発行日（終了）</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="73" />
        <location filename="../../ui/archive/filters.py" line="121" />
        <source>金額（下限）</source>
        <translation>Amount (min)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="73" />
        <source>下限（円）</source>
        <translation>Min (yen)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="74" />
        <location filename="../../ui/archive/filters.py" line="121" />
        <source>金額（上限）</source>
        <translation>Amount (max)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="74" />
        <source>上限（円）</source>
        <translation>Max (yen)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="75" />
        <location filename="../../ui/archive/filters.py" line="76" />
        <source>取引先（組織・生産者）で検索</source>
        <translation>Search by counterparty (organization or producer)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="87" />
        <location filename="../../ui/archive/filters.py" line="92" />
        <source>〜</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="90" />
        <source>金額:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="125" />
        <source>{field}: 0以上の整数（円）で入力してください</source>
        <translation>{field}: enter a whole number of yen, 0 or more</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="130" />
        <source>発行日: 終了日が開始日より前です</source>
        <translation>Issue date: the end is before the start</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="133" />
        <source>金額: 上限が下限より小さくなっています</source>
        <translation>Amount: the maximum is below the minimum</translation>
    </message>
</context>
<context>
    <name>ArchiveTableModel</name>
    <message>
        <location filename="../../ui/archive/model.py" line="35" />
        <source>供給者別</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="35" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="44" />
        <source>発行日</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="46" />
        <source>取引先</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="47" />
        <source>登録番号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="48" />
        <source>支払金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="49" />
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="50" />
        <source>版</source>
        <translation>Ver.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="51" />
        <source>ファイル名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="52" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <location filename="../../ui/archive/view.py" line="53" />
        <location filename="../../ui/archive/view.py" line="54" />
        <source>書類保管</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="63" />
        <source>保管された支払明細書の一覧</source>
        <translation>Stored payment statements</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="85" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="86" />
        <source>選んだ書類をビューアーで開く</source>
        <translation>Open the selected document in the viewer</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="87" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="87" />
        <source>選んだ書類を印刷</source>
        <translation>Print the selected document</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="88" />
        <location filename="../../ui/archive/view.py" line="223" />
        <source>整合性チェック</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="89" />
        <source>一覧の各ファイルのSHA-256を計算し直し、保存時の値と照合</source>
        <translation>Recompute the SHA-256 of every listed file and compare it with the stored value</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="90" />
        <location filename="../../ui/archive/view.py" line="236" />
        <source>CSV出力</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="91" />
        <source>一覧をCSVファイルに出力（Excelで開けます）</source>
        <translation>Export the list as CSV (opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="94" />
        <source>保管された書類は変更・削除できません（電子帳簿保存法）。</source>
        <translation>Stored documents can be neither changed nor deleted (Electronic Books Maintenance Act).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="140" />
        <source>検索しています…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="152" />
        <source>{count}件</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="175" />
        <source>PDFを読み込んでいます…</source>
        <translation>Loading the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="184" />
        <source>{name}（第{version}版）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="206" />
        <source>保存された書類のSHA-256を照合しています…</source>
        <translation>Checking the SHA-256 of the stored documents…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="214" />
        <source>・{name}（第{version}版, 文書番号 {id}）</source>
        <translation>• {name} (version {version}, document {id})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="216" />
        <source>{checked}件中 {bad}件の書類が保存時の内容と一致しません。保存後に書き換えられた可能性があります。

{lines}</source>
        <translation>{bad} of {checked} documents no longer match what was stored. They may have been altered after they were stored.

{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="221" />
        <source>{checked}件すべての書類が保存時の内容（SHA-256）と一致しました。</source>
        <translation>All {checked} documents match what was stored (SHA-256).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="236" />
        <source>書類保管.csv</source>
        <translation>archive.csv</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="237" />
        <source>CSVファイル (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="246" />
        <source>CSVを書き出しています…</source>
        <translation>Writing the CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="256" />
        <source>印刷する書類を一覧から選んでください。</source>
        <translation>Select the document to print in the list.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="25" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="24" />
        <source>再送する</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="29" />
        <source>相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。</source>
        <translation>Choose this only after checking that the mail arrived. It will not be resent.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="30" />
        <location filename="../../ui/jobs/outbox_panel.py" line="70" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="35" />
        <source>支払明細書のメール送信キュー（全PC）</source>
        <translation>Statement mail queue (all PCs)</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="39" />
        <source>送信状態で絞り込み</source>
        <translation>Filter by mail state</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="40" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="44" />
        <source>状態:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="50" />
        <source>メール送信キュー</source>
        <translation>Mail queue</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="58" />
        <source>共有データベースに接続できません。つながると自動で最新の状態になります。</source>
        <translation>The shared database cannot be reached. The list updates by itself once it answers.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="69" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="69" />
        <source>この組織にメールをもう一度送ります</source>
        <translation>Send the mail to this organization again</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="71" />
        <source>届いていることを確かめたメールを送信済みにします</source>
        <translation>Mark a mail you know has arrived as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="131" />
        <source>再送を準備しています…</source>
        <translation>Preparing the resend…</translation>
    </message>
</context>
<context>
    <name>PdfTab</name>
    <message>
        <location filename="../../ui/viewer/tab.py" line="42" />
        <source>PDFのページ</source>
        <translation>PDF pages</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="53" />
        <source>ページ番号</source>
        <translation>Page number</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="55" />
        <source>/ {count} ページ</source>
        <translation>/ {count} pages</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="59" />
        <source>PDF内を検索</source>
        <translation>Search in the PDF</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="60" />
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="67" />
        <source>縮小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="68" />
        <source>拡大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="69" />
        <source>幅に合わせる</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="70" />
        <source>ページ全体</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="76" />
        <source>前へ</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="77" />
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="80" />
        <source>名前を付けて保存…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="81" />
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="158" />
        <source>見つかりません</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="161" />
        <source>{shown} / {count} 件</source>
        <translation>{shown} / {count}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="184" />
        <location filename="../../ui/viewer/tab.py" line="191" />
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="192" />
        <source>保存できませんでした: {path}
{reason}</source>
        <translation>Could not save: {path}
{reason}</translation>
    </message>
</context>
<context>
    <name>PdfViewerWindow</name>
    <message>
        <location filename="../../ui/viewer/window.py" line="39" />
        <location filename="../../ui/viewer/window.py" line="73" />
        <source>PDFビューア</source>
        <translation>PDF viewer</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="42" />
        <source>開いているPDF</source>
        <translation>Open PDFs</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="95" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="96" />
        <source>「{title}」はパスワードで保護されています。
パスワードを入力してください。</source>
        <translation>“{title}” is protected by a password.
Enter the password.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="184" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="202" />
        <source>{page} / {total} ページ</source>
        <translation>Page {page} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="206" />
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
</context>
<context>
    <name>SettingsValidation</name>
    <message>
        <location filename="../../ui/settings/validation.py" line="37" />
        <source>「T」と13桁の数字で、チェックデジットの合う番号を入力してください</source>
        <translation>enter T and 13 digits with a matching check digit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="43" />
        <source>1〜65535 の数字を入力してください</source>
        <translation>enter a number from 1 to 65535</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="56" />
        <source>URLの形式が正しくありません（例: postgresql://user@host:5432/oroshi）</source>
        <translation>not a valid URL (e.g. postgresql://user@host:5432/oroshi)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="58" />
        <source>postgresql:// か sqlite:/// で始まるURLを入力してください</source>
        <translation>enter a URL starting with postgresql:// or sqlite:///</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="60" />
        <source>URLにパスワードを含めないでください（パスワード欄に入力します）</source>
        <translation>no password in the URL (type it in the password field)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="62" />
        <source>サーバー名（ホスト）がありません</source>
        <translation>the server (host) is missing</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="70" />
        <source>メールアドレスを入力してください</source>
        <translation>enter a mail address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="74" />
        <source>メールアドレスの形式が正しくありません</source>
        <translation>not a valid mail address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="82" />
        <source>不明なタイムゾーンです（例: Asia/Tokyo）</source>
        <translation>unknown time zone (e.g. Asia/Tokyo)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="99" />
        <source>cron形式（分 時 日 月 曜日の5項目）で入力してください（例: */10 * * * *）</source>
        <translation>enter five cron fields: minute hour day month weekday (e.g. */10 * * * *)</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../ui/settings/view.py" line="52" />
        <location filename="../../ui/settings/view.py" line="53" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="80" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="101" />
        <source>変更しない場合は空欄</source>
        <translation>Leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="150" />
        <source>会社情報（支払明細書・出荷書類に印刷）</source>
        <translation>Company (printed on statements and shipping documents)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="152" />
        <source>会社名</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="152" />
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="152" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="153" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="153" />
        <source>FAX番号</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="153" />
        <source>メール</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="154" />
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="154" />
        <source>登録番号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="157" />
        <source>ロゴ画像: 現在の印刷様式には表示欄がありません（未対応）</source>
        <translation>Logo image: the current print layouts have no place for it (not supported)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="163" />
        <source>書類の設定（全員共通）</source>
        <translation>Documents (shared by every PC)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="165" />
        <source>端数処理</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="165" />
        <source>四捨五入</source>
        <translation>Round half up</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="166" />
        <source>切り捨て</source>
        <translation>Round down</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="167" />
        <source>パスワードの送付</source>
        <translation>Password delivery</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="168" />
        <source>同じメール</source>
        <translation>In the same mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="168" />
        <source>別のメール</source>
        <translation>In a separate mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="169" />
        <source>出荷表の用紙</source>
        <translation>Shipping chart paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="173" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="175" />
        <source>接続先URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="176" />
        <source>postgresql://ユーザー@サーバー/DB（空欄で内蔵DB）</source>
        <translation>postgresql://user@server/db (empty: built-in)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="195" />
        <source>差出人</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="195" />
        <source>空欄で会社のメール</source>
        <translation>empty: the company mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="196" />
        <source>テスト送信先</source>
        <translation>Test mail to</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="206" />
        <source>メール確認（cron）</source>
        <translation>Mail check (cron)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="215" />
        <source>表示言語（次回起動時）</source>
        <translation>Language (at next start)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="177" />
        <location filename="../../ui/settings/view.py" line="194" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="181" />
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="186" />
        <source>メールサーバー（SMTP）</source>
        <translation>Mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="188" />
        <source>サーバー名</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="189" />
        <source>ポート番号</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="190" />
        <source>暗号化</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="191" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="193" />
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="200" />
        <source>テストメール</source>
        <translation>Send test mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="204" />
        <source>自動送信・その他</source>
        <translation>Schedule and more</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="207" />
        <source>タイムゾーン</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="210" />
        <source>次回の実行</source>
        <translation>Next runs</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="211" />
        <location filename="../../ui/settings/view.py" line="223" />
        <source>出力フォルダー</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="212" />
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="271" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="272" />
        <source>31日以内に実行されません</source>
        <translation>Does not run within 31 days</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="348" />
        <source>保存しました。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="351" />
        <source>設定を保存しています…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="363" />
        <source>接続しています…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="381" />
        <source>差出人: 差出人か会社のメールを入力してください</source>
        <translation>Sender: enter a sender or the company mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="384" />
        <source>送信しています…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="386" />
        <source>{to} に送信しました</source>
        <translation>Sent to {to}</translation>
    </message>
</context>
</TS>