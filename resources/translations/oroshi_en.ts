<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="32" />
        <source>{app} について</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="35" />
        <source>支払明細書・出荷書類・ジョブの管理</source>
        <translation>Payment statements, shipping documents and jobs</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="39" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="42" />
        <source>アプリ</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="43" />
        <source>ビルド</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="43" />
        <source>開発版</source>
        <translation>development install</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="50" />
        <source>データベース:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="53" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="57" />
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/operations.py" line="59" />
        <source>オロシ デスクトップ</source>
        <translation>Oroshi Desktop</translation>
    </message>
</context>
<context>
    <name>ArchiveFilterBar</name>
    <message>
        <location filename="../../ui/archive/filters.py" line="56" />
        <source>発行日:</source>
        <translation>Issued:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="57" />
        <source>発行日（開始）</source>
        <translation>Issued from</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="57" />
        <source>発行日（終了）</source>
        <translation>Issued to</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="59" />
        <location filename="../../ui/archive/filters.py" line="107" />
        <source>金額（下限）</source>
        <translation>Amount (min)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="59" />
        <source>下限（円）</source>
        <translation>Min (yen)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="60" />
        <location filename="../../ui/archive/filters.py" line="107" />
        <source>金額（上限）</source>
        <translation>Amount (max)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="60" />
        <source>上限（円）</source>
        <translation>Max (yen)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="61" />
        <location filename="../../ui/archive/filters.py" line="62" />
        <source>取引先（組織・生産者）で検索</source>
        <translation>Search by counterparty (organization or producer)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="73" />
        <location filename="../../ui/archive/filters.py" line="78" />
        <source>〜</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="76" />
        <source>金額:</source>
        <translation>Amount:</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="111" />
        <source>{field}: 0以上の整数（円）で入力してください</source>
        <translation>{field}: enter a whole number of yen, 0 or more</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="116" />
        <source>発行日: 終了日が開始日より前です</source>
        <translation>Issue date: the end is before the start</translation>
    </message>
    <message>
        <location filename="../../ui/archive/filters.py" line="119" />
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
        <location filename="../../ui/archive/view.py" line="67" />
        <location filename="../../ui/archive/view.py" line="68" />
        <location filename="../../ui/archive/view.py" line="96" />
        <source>書類保管</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="79" />
        <source>保管された支払明細書の一覧</source>
        <translation>Stored payment statements</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="89" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="90" />
        <source>選んだ書類をビューアーで開く</source>
        <translation>Open the selected document in the viewer</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="91" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="91" />
        <source>選んだ書類を印刷</source>
        <translation>Print the selected document</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="92" />
        <location filename="../../ui/archive/view.py" line="257" />
        <source>整合性チェック</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="93" />
        <source>一覧の各ファイルのSHA-256を計算し直し、保存時の値と照合</source>
        <translation>Recompute the SHA-256 of every listed file and compare it with the stored value</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="94" />
        <location filename="../../ui/archive/view.py" line="294" />
        <source>CSV出力</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="95" />
        <source>一覧をCSVファイルに出力（Excelで開けます）</source>
        <translation>Export the list as CSV (opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="101" />
        <location filename="../../ui/archive/view.py" line="269" />
        <source>連鎖の先頭を書き出す</source>
        <translation>Export chain head</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="102" />
        <source>記録の連鎖の先頭（SHA-256）をファイルに書き出し、後で照合できるように保管</source>
        <translation>Write the head (SHA-256) of the record chain to a file, to keep and compare later</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="105" />
        <source>保管された書類は変更・削除できません（電子帳簿保存法）。</source>
        <translation>Stored documents can be neither changed nor deleted (Electronic Books Maintenance Act).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="142" />
        <source>検索しています…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="160" />
        <source>{total}件（新しい順に{shown}件を表示。条件で絞り込んでください）</source>
        <translation>{total} documents (the newest {shown} shown; narrow the search)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="163" />
        <source>{count}件</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="185" />
        <source>PDFを読み込んでいます…</source>
        <translation>Loading the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="194" />
        <source>{name}（第{version}版）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="224" />
        <source>保存された書類のSHA-256を照合しています…</source>
        <translation>Checking the SHA-256 of the stored documents…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="235" />
        <source>・{name}（第{version}版, 文書番号 {id}）</source>
        <translation>• {name} (version {version}, document {id})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="237" />
        <source>{checked}件中 {bad}件の書類が保存時の内容と一致しません。保存後に書き換えられた可能性があります。

{lines}</source>
        <translation>{bad} of {checked} documents no longer match what was stored. They may have been altered after they were stored.

{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="242" />
        <source>{checked}件すべての書類が保存時の内容（SHA-256）と一致しました。</source>
        <translation>All {checked} documents match what was stored (SHA-256).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="249" />
        <source>記録の連鎖の照合で {count}件の問題が見つかりました（保存後の変更・日付の書き換え・削除）。
{lines}</source>
        <translation>The record chain check found {count} problem(s) (changed, backdated or deleted after storing).
{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="254" />
        <source>記録の連鎖（金額・取引先・保存日時を含む）に問題はありません。</source>
        <translation>The record chain (amounts, counterparties and storing times included) is intact.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="256" />
        <source>連鎖の先頭（第{seq}件）のSHA-256:
{hash}</source>
        <translation>SHA-256 of the chain head (record {seq}):
{hash}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="270" />
        <source>書類保管_連鎖の先頭.txt</source>
        <translation>archive_chain_head.txt</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="270" />
        <source>テキスト (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="283" />
        <source>連鎖の先頭を書き出しています…</source>
        <translation>Writing the chain head…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="294" />
        <source>書類保管.csv</source>
        <translation>archive.csv</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="295" />
        <source>CSVファイル (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="310" />
        <source>CSVを書き出しています…</source>
        <translation>Writing the CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="320" />
        <source>印刷する書類を一覧から選んでください。</source>
        <translation>Select the document to print in the list.</translation>
    </message>
</context>
<context>
    <name>Bounced</name>
    <message>
        <location filename="../../ui/statements/bounced.py" line="22" />
        <source>「{name}」に支払明細書をもう一度送りますか？</source>
        <translation>Send the payment statement to “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="23" />
        <source>宛先: {email}（現在の登録）
届かなかった宛先: {bounced}</source>
        <translation>To: {email} (as registered now)
Bounced address: {bounced}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="25" />
        <source>{email} に再送する</source>
        <translation>Resend to {email}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="50" />
        <source>{email} に再送します。</source>
        <translation>Resending to {email}.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="56" />
        <source>再送を準備しています…</source>
        <translation>Preparing the resend…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="62" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="63" />
        <source>「{name}」にどのように届けましたか？（例: 郵送、手渡し）</source>
        <translation>How did “{name}” receive it? (e.g. by post, by hand)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/bounced.py" line="84" />
        <source>送信済みにしています…</source>
        <translation>Marking as sent…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="26" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="42" />
        <source>メールサーバーが設定されていません。</source>
        <translation>No mail server is set up.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="45" />
        <source>「設定」の「メールサーバー（SMTP）」にサーバー名とポート番号を入力して保存してから、もう一度送信してください。</source>
        <translation>Enter the server name and port under “Mail server (SMTP)” in Settings, save, then send again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47" />
        <source>設定を開く</source>
        <translation>Open Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../ui/orders/documents.py" line="41" />
        <source>出荷表</source>
        <translation>Shipping chart</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="42" />
        <source>卸先用出荷表</source>
        <translation>Packing slips</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="43" />
        <source>まとめた出荷明細表</source>
        <translation>Shipping list</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="93" />
        <location filename="../../ui/orders/documents.py" line="94" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="97" />
        <location filename="../../ui/orders/documents.py" line="102" />
        <source>運送会社</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="98" />
        <source>すべての運送会社</source>
        <translation>All carriers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="109" />
        <location filename="../../ui/orders/documents.py" line="114" />
        <source>注文のない卸先</source>
        <translation>Buyers without orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="110" />
        <source>印刷しない</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="111" />
        <source>運送会社のすべての卸先</source>
        <translation>Every buyer of the carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="113" />
        <source>卸先カテゴリ: {name}</source>
        <translation>Buyer category: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="117" />
        <location filename="../../ui/orders/documents.py" line="121" />
        <source>用紙</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="118" />
        <source>設定どおり</source>
        <translation>As in the settings</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="119" />
        <source>JIS B4（257×364 mm）</source>
        <translation>JIS B4 (257×364 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="120" />
        <source>ISO B4（250×353 mm）</source>
        <translation>ISO B4 (250×353 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="123" />
        <source>すべての卸先</source>
        <translation>All buyers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="126" />
        <source>選んだ卸先のみ（{count}件）</source>
        <translation>Only the selected buyers ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="133" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="135" />
        <source>一覧の出荷方法・注文カテゴリ・卸先の絞り込みも書類に反映されます。</source>
        <translation>The list's shipping method, order category and buyer filters apply to the document too.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="139" />
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="141" />
        <source>直接印刷</source>
        <translation>Print directly</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="143" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="194" />
        <source>書類を作成しています…</source>
        <translation>Making the document…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/statements/filters.py" line="29" />
        <source>期間:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="30" />
        <source>期間（開始）</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="30" />
        <source>期間（終了）</source>
        <translation>Period to</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="34" />
        <location filename="../../ui/statements/filters.py" line="35" />
        <source>組織名で検索</source>
        <translation>Search by organization</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="40" />
        <source>状態で絞り込む</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="41" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="49" />
        <source>〜</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../ui/jobs/models.py" line="40" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="40" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="41" />
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="41" />
        <source>作成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="42" />
        <source>開始</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="42" />
        <source>終了</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="43" />
        <source>試行</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="43" />
        <source>依頼したPC</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="44" />
        <source>出力</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="78" />
        <source>実行したPC: {pc}</source>
        <translation>Ran on: {pc}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="80" />
        <source>{message}
詳細（サポート用）: {error}</source>
        <translation>{message}
Details (for support): {error}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="101" />
        <source>保存済み</source>
        <translation>stored</translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <location filename="../../ui/jobs/view.py" line="71" />
        <source>定期メール確認: 読み込み中…</source>
        <translation>Mail check: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="119" />
        <location filename="../../ui/jobs/view.py" line="174" />
        <source>ジョブ</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="122" />
        <source>状態で絞り込み</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="123" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="124" />
        <source>種類で絞り込み</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="125" />
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="129" />
        <source>状態:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="131" />
        <source>種類:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="134" />
        <source>このPCのみ（{pc}）</source>
        <translation>This PC only ({pc})</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="136" />
        <source>このPCのジョブだけを表示</source>
        <translation>Show only this PC's jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="145" />
        <source>ジョブ一覧</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="156" />
        <source>再実行</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="156" />
        <source>失敗・破棄したジョブをもう一度実行します</source>
        <translation>Run a failed or discarded job again</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="158" />
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="158" />
        <source>待機中・失敗のジョブを実行しないようにします</source>
        <translation>Keep a queued or failed job from running</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="160" />
        <source>出力を開く</source>
        <translation>Open output</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="160" />
        <source>ジョブが作ったファイルを開きます</source>
        <translation>Open the file the job made</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="162" />
        <source>失敗をすべて再実行</source>
        <translation>Retry all failed</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="163" />
        <source>絞り込んだ一覧の失敗したジョブをすべて再実行します</source>
        <translation>Retry every failed job in the filtered list</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="164" />
        <location filename="../../ui/jobs/view.py" line="280" />
        <source>すべて破棄</source>
        <translation>Discard all</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="165" />
        <source>絞り込んだ一覧の待機中・失敗のジョブをすべて破棄します</source>
        <translation>Discard every queued or failed job in the filtered list</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="271" />
        <source>絞り込んだ一覧の失敗したジョブをすべて再実行しますか？</source>
        <translation>Retry every failed job in the filtered list?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="272" />
        <source>すべて再実行</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="274" />
        <source>失敗したジョブを再実行しています…</source>
        <translation>Retrying the failed jobs…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="275" />
        <source>{count} 件は再実行できませんでした。</source>
        <translation>{count} could not be retried.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="278" />
        <source>絞り込んだ一覧の待機中・失敗のジョブをすべて破棄しますか？</source>
        <translation>Discard every queued or failed job in the filtered list?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="279" />
        <source>破棄したジョブは実行されません（あとから再実行はできます）。</source>
        <translation>Discarded jobs do not run (you can retry them later).</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="282" />
        <source>ジョブを破棄しています…</source>
        <translation>Discarding jobs…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="283" />
        <source>{count} 件は破棄できませんでした。</source>
        <translation>{count} could not be discarded.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="297" />
        <source>ジョブ {id}</source>
        <translation>Job {id}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="338" />
        <source>ファイルを開いています…</source>
        <translation>Opening the file…</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <location filename="../../ui/list_export.py" line="136" />
        <source>Excelに出力…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="138" />
        <source>一覧を表示中の絞り込みと並び順のままExcel（.xlsx）またはCSVに出力します</source>
        <translation>Export the list as shown (its filter and order) to Excel (.xlsx) or CSV</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="152" />
        <source>選んだ行をコピー</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="154" />
        <source>選んだ行を見出し付きでコピーします（Excelにそのまま貼り付けられます）</source>
        <translation>Copy the selected rows with the header (they paste into Excel as cells)</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="166" />
        <source>一覧の出力先</source>
        <translation>Export the list to</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="167" />
        <source>Excel ブック (*.xlsx);;CSV（UTF-8） (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="187" />
        <source>{count}件を {file} に出力しました</source>
        <translation>{count} rows exported to {file}</translation>
    </message>
    <message>
        <location filename="../../ui/list_export.py" line="192" />
        <source>一覧を出力しています…</source>
        <translation>Exporting the list…</translation>
    </message>
</context>
<context>
    <name>ListExportToolBar</name>
    <message>
        <location filename="../../ui/list_export.py" line="141" />
        <source>Excelに出力…</source>
        <translation>To Excel…</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../../ui/settings/logo.py" line="54" />
        <source>ファイルを開けません（{reason}）</source>
        <translation>the file cannot be opened ({reason})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="56" />
        <source>ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）</source>
        <translation>the file is too large ({size:,} bytes, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="60" />
        <source>PNGまたはJPEGの画像を選んでください</source>
        <translation>choose a PNG or JPEG image</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="63" />
        <source>画像の大きさが範囲外です（{w}×{h} ピクセル、上限 {limit}）</source>
        <translation>the image is out of range ({w}×{h} pixels, at most {limit})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="67" />
        <source>画像を読み込めません（壊れているか、対応していない形式です）</source>
        <translation>the image cannot be read (it is damaged or of an unsupported kind)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="79" />
        <source>画像が大きすぎます（PNGにして {size:,} バイト、上限 {limit:,} バイト）</source>
        <translation>the image is too large ({size:,} bytes as PNG, at most {limit:,})</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="98" />
        <source>ロゴ画像の見本</source>
        <translation>Logo preview</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="102" />
        <source>画像を選ぶ…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="104" />
        <source>削除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="107" />
        <source>PNGまたはJPEG（{mb} MBまで）。標準版の明細書とチェック表に印刷されます。</source>
        <translation>PNG or JPEG (up to {mb} MB). Printed on standard-layout statements and check sheets.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="131" />
        <source>保存されている画像を読み込めません（印刷されません）</source>
        <translation>The stored image cannot be read (it is not printed)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="167" />
        <source>ロゴなし</source>
        <translation>No logo</translation>
    </message>
</context>
<context>
    <name>MailCheck</name>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="40" />
        <source>{minutes}分ごと</source>
        <translation>every {minutes} minutes</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="52" />
        <source>まだありません</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="55" />
        <source>{when} {state}（{message}）</source>
        <translation>{when} {state} ({message})</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="58" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="60" />
        <source>（一時停止中のため送信しません）</source>
        <translation> (paused: nothing is sent)</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="61" />
        <source>定期メール確認 {schedule}（{zone}）　前回: {last}　次回: {next}</source>
        <translation>Mail check {schedule} ({zone})   last: {last}   next: {next}</translation>
    </message>
</context>
<context>
    <name>MailPage</name>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="40" />
        <source>差出人 (From):</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="41" />
        <source>宛先 (To):</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="41" />
        <location filename="../../ui/statements/mail_preview.py" line="42" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="42" />
        <source>CC:</source>
        <translation>CC:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="43" />
        <source>件名:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="44" />
        <source>添付:</source>
        <translation>Attachments:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="54" />
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="55" />
        <source>テキスト</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>MailPreviewDialog</name>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="28" />
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="65" />
        <source>メールのプレビュー</source>
        <translation>Mail preview</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="74" />
        <source>{name}（パスワード）</source>
        <translation>{name} (password)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="76" />
        <source>注意: 受信者のブラウザやメールアプリケーションにより、表示が若干異なる場合があります。</source>
        <translation>Note: the recipient's browser or mail application may show it slightly differently.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_preview.py" line="79" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="97" />
        <location filename="../../ui/main_window.py" line="99" />
        <source>ナビゲーション</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>{view}の画面を開きます</source>
        <translation>Open the {view} screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>新規作成…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>この画面で新しく作成します（支払明細書: 仕切り作成）</source>
        <translation>Create something new on this screen (statements: a statement run)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>表示中の書類を印刷します</source>
        <translation>Print the document shown</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128" />
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>アプリを終了します（実行中のジョブは最後まで実行されます）</source>
        <translation>Quit the app (running jobs run to the end)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>最新の情報に更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>表示中の一覧を読み直します</source>
        <translation>Read the list shown again</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132" />
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133" />
        <source>表示中の一覧を検索します</source>
        <translation>Search the list shown</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134" />
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>アプリ・Qt・Python・データベースのバージョン</source>
        <translation>Versions of the app, Qt, Python and the database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>操作(&amp;O)</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153" />
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/jobs/view.py" line="60" />
        <location filename="../../ui/shell/views.py" line="97" />
        <source>ジョブ</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="93" />
        <source>支払明細書</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="92" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="94" />
        <source>注文・出荷</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="95" />
        <source>供給</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="96" />
        <source>書類保管</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="98" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>NewRun</name>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="76" />
        <source>組織・簡易版</source>
        <translation>Org. · simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="76" />
        <source>組織・標準版</source>
        <translation>Org. · standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="77" />
        <source>供給者・簡易版</source>
        <translation>Producers · simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="77" />
        <source>供給者・標準版</source>
        <translation>Producers · standard</translation>
    </message>
</context>
<context>
    <name>NewStatementDialog</name>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="93" />
        <source>仕切り作成</source>
        <translation>New payment statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="112" />
        <source>選択した日付の範囲内の供給ある日: …</source>
        <translation>Days with supplies in the chosen range: …</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="117" />
        <location filename="../../ui/statements/new_dialog.py" line="187" />
        <source>供給組織</source>
        <translation>Supplier organizations</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="118" />
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="120" />
        <source>CC（会社）: …</source>
        <translation>CC (company): …</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="123" />
        <source>簡易版</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="125" />
        <source>標準版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="128" />
        <source>メールを送信する</source>
        <translation>Send by mail</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="134" />
        <source>yyyy年MM月dd日 HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="138" />
        <source>送信日時を過ぎると10分以内に送信されます。</source>
        <translation>Sent within 10 minutes once the send time has passed.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="143" />
        <location filename="../../ui/statements/new_dialog.py" line="192" />
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="149" />
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="151" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="162" />
        <source>Ctrl+Enter でも作成できます</source>
        <translation>Ctrl+Enter also creates it</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="181" />
        <source>レイアウト:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="183" />
        <source>送信日時:</source>
        <translation>Send at:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="196" />
        <source>プレビュー（見本）</source>
        <translation>Previews (samples)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="222" />
        <source>CC（会社）: {cc}</source>
        <translation>CC (company): {cc}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="223" />
        <source>CC（会社）: （会社のメールアドレスなし）</source>
        <translation>CC (company): (the company has no mail address)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="285" />
        <source>（終了日をクリック）</source>
        <translation> (click the end day)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="286" />
        <source>期間: {start} 〜 {end}</source>
        <translation>Period: {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="308" />
        <source>選択した日付の範囲内の供給ある日: {days}日</source>
        <translation>Days with supplies in the chosen range: {days}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="315" />
        <source>警告はありません。</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="356" />
        <source>プレビューを作成しています…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="372" />
        <source>供給組織: 少なくとも1つ必要です</source>
        <translation>Supplier organizations: choose at least one</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="375" />
        <source>・{warning}</source>
        <translation>• {warning}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="376" />
        <source>
…ほか{count}件</source>
        <translation>
… and {count} more</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="378" />
        <source>次の警告があります。
{warnings}

このまま作成しますか？</source>
        <translation>There are these warnings:
{warnings}

Create the statement anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="390" />
        <source>支払明細書を作成しています…</source>
        <translation>Creating the payment statement…</translation>
    </message>
</context>
<context>
    <name>NoticeLabel</name>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="84" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ui/operations.py" line="181" />
        <source>データベースに接続できません。ネットワークとサーバーを確かめてください。つながると自動で最新の状態に戻ります。</source>
        <translation>The database cannot be reached. Check the network and the server; the window updates by itself once it answers.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="192" />
        <source>予期しないエラーが発生しました。作業は完了していません。
もう一度お試しください。続く場合は管理者に「詳細」の内容をお知らせください。</source>
        <translation>An unexpected error occurred. The work was not completed.
Please try again. If it happens again, send the text under “Details” to your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="197" />
        <source>記録: {file}</source>
        <translation>Log: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="198" />
        <source>詳しい記録はログにあります。</source>
        <translation>The log has the full record.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="342" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../ui/orders/filters.py" line="82" />
        <source>出荷日（から）</source>
        <translation>Shipping from</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="83" />
        <source>出荷日（まで）</source>
        <translation>Shipping to</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="84" />
        <source>運送会社</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="85" />
        <source>出荷方法</source>
        <translation>Shipping method</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="86" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="87" />
        <source>注文カテゴリ</source>
        <translation>Order category</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="88" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="89" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="94" />
        <location filename="../../ui/orders/filters.py" line="95" />
        <source>卸先・商品で検索</source>
        <translation>Search by buyer or product</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="109" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="137" />
        <source>すべての運送会社</source>
        <translation>All carriers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="139" />
        <source>すべての卸先</source>
        <translation>All buyers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="140" />
        <source>すべての注文カテゴリ</source>
        <translation>All order categories</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="146" />
        <source>すべての出荷方法</source>
        <translation>All shipping methods</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ui/orders/model.py" line="38" />
        <source>見積もり</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="39" />
        <source>確認済み</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="40" />
        <source>出荷済み</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47" />
        <source>商品・バリエーション</source>
        <translation>Product / variation</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47" />
        <source>商品数量</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47" />
        <source>容器数量</source>
        <translation>Receptacles</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="47" />
        <source>貨物数量</source>
        <translation>Freight</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>単価</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>到着日</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="111" />
        <source>{quantity}（{receptacle}）</source>
        <translation>{quantity} ({receptacle})</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/orders/view.py" line="51" />
        <location filename="../../ui/orders/view.py" line="52" />
        <location filename="../../ui/orders/view.py" line="77" />
        <source>注文・出荷</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="63" />
        <source>注文の一覧</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="69" />
        <source>出荷表</source>
        <translation>Shipping chart</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="70" />
        <source>運送会社と出荷日の出荷表を作成</source>
        <translation>Make the shipping chart of a carrier and a day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="71" />
        <source>卸先用出荷表</source>
        <translation>Packing slips</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="73" />
        <source>卸先ごとの出荷表を作成（すべて、または選んだ卸先のみ）</source>
        <translation>Make a packing slip per buyer (all, or the selected ones)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="74" />
        <source>まとめた出荷明細表</source>
        <translation>Shipping list</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="75" />
        <source>出荷日のまとめた出荷明細表を作成</source>
        <translation>Make the shipping list of a day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="83" />
        <source>絞り込んだ注文の合計</source>
        <translation>Totals of the filtered orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="173" />
        <source>{count}件　貨物数量 {freight}口　容器数量 {boxes}　金額 ¥{amount}</source>
        <translation>{count} orders   freight {freight} units   receptacles {boxes}   amount ¥{amount}</translation>
    </message>
</context>
<context>
    <name>OrganizationBox</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="129" />
        <source>PDFはまだ作成されていません。</source>
        <translation>The PDFs are not made yet.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="129" />
        <source>PDFがありません。</source>
        <translation>There are no PDFs.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="139" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="141" />
        <source>{kind}のPDFを開く</source>
        <translation>Open the {kind} PDF</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="159" />
        <source>この組織に再送</source>
        <translation>Resend to this organization</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="161" />
        <source>この組織にだけメールをもう一度送ります</source>
        <translation>Send the mail again to this organization only</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="170" />
        <source>エラー: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="179" />
        <source>第{generation}回: {state}（試行 1 回</source>
        <translation>Send {generation}: {state} (1 attempt</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="180" />
        <source>第{generation}回: {state}（試行 {count} 回</source>
        <translation>Send {generation}: {state} ({count} attempts</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="182" />
        <source>、送信 {time}</source>
        <translation>, sent {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="183" />
        <source>、{error}</source>
        <translation>, {error}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="183" />
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="185" />
        <source>これまでの送信:</source>
        <translation>Earlier sends:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="196" />
        <source>不達: {address} に届きませんでした（{status}、{time} に通知）
理由: {why}</source>
        <translation>Bounced: not delivered to {address} ({status}, notice of {time})
Reason: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="205" />
        <source>再送先（現在の登録）: {email}</source>
        <translation>Resend to (as registered now): {email}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="206" />
        <source>再送先がありません。Webシステムでメールアドレスを登録してください。</source>
        <translation>No address to resend to. Register the mail address in the web system.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="210" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="212" />
        <source>{email} に再送</source>
        <translation>Resend to {email}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="213" />
        <source>Webシステムで直した現在の宛先に、この組織の支払明細書をもう一度送ります</source>
        <translation>Send this organization's statement again to its current address, as corrected in the web system</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="215" />
        <source>送信済みにする…</source>
        <translation>Mark as sent…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="217" />
        <source>郵送や手渡しなど、ほかの方法で届けたときに、メモを付けて送信済みにします</source>
        <translation>When it was delivered another way (post, by hand): mark as sent with a note</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="31" />
        <source>「{name}」にメールをもう一度送りますか？</source>
        <translation>Send the mail to “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="33" />
        <source>宛先: {to}
同じ支払明細書が、この宛先にもう一度届きます。</source>
        <translation>To: {to}
The same payment statement reaches these recipients once more.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="35" />
        <source>再送する</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="39" />
        <source>「{name}」へのメールを送信済みにしますか？</source>
        <translation>Mark the mail to “{name}” as sent?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="41" />
        <source>相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。</source>
        <translation>Choose this only after checking that the mail arrived. It will not be resent.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="42" />
        <location filename="../../ui/jobs/outbox_panel.py" line="84" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="47" />
        <source>支払明細書のメール送信キュー（全PC）</source>
        <translation>Statement mail queue (all PCs)</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="51" />
        <source>送信状態で絞り込み</source>
        <translation>Filter by mail state</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="52" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="56" />
        <source>状態:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="62" />
        <location filename="../../ui/jobs/outbox_panel.py" line="90" />
        <source>メール送信キュー</source>
        <translation>Mail queue</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="72" />
        <source>共有データベースに接続できません。つながると自動で最新の状態になります。</source>
        <translation>The shared database cannot be reached. The list updates by itself once it answers.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="83" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="83" />
        <source>この組織にメールをもう一度送ります</source>
        <translation>Send the mail to this organization again</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="85" />
        <source>届いていることを確かめたメールを送信済みにします</source>
        <translation>Mark a mail you know has arrived as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="162" />
        <source>再送を準備しています…</source>
        <translation>Preparing the resend…</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <location filename="../../ui/jobs/models.py" line="105" />
        <source>明細書</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="105" />
        <source>組織</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="106" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="106" />
        <source>試行</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="107" />
        <source>最後のエラー・確認事項</source>
        <translation>Last error / what to check</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="108" />
        <source>宛先</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="108" />
        <source>送信したPC</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="157" />
        <source>{state}（第{generation}回）</source>
        <translation>{state} (round {generation})</translation>
    </message>
</context>
<context>
    <name>PagedIdModel</name>
    <message>
        <location filename="../../ui/paged_model.py" line="47" />
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="58" />
        <source>パスワード（クリックでコピー）</source>
        <translation>Password (click to copy)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="59" />
        <source>クリックするとパスワードを表示します。表示中にクリックするとコピーします。</source>
        <translation>Click to show the password; click the shown password to copy it.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="69" />
        <source>コピーしました</source>
        <translation>Copied</translation>
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
        <location filename="../../ui/viewer/tab.py" line="166" />
        <source>見つかりません</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="169" />
        <source>{shown} / {count} 件</source>
        <translation>{shown} / {count}</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="192" />
        <location filename="../../ui/viewer/tab.py" line="199" />
        <source>名前を付けて保存</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/tab.py" line="200" />
        <source>保存できませんでした: {path}
{reason}</source>
        <translation>Could not save: {path}
{reason}</translation>
    </message>
</context>
<context>
    <name>PdfViewerWindow</name>
    <message>
        <location filename="../../ui/viewer/window.py" line="56" />
        <location filename="../../ui/viewer/window.py" line="126" />
        <source>PDFビューア</source>
        <translation>PDF viewer</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="59" />
        <source>開いているPDF</source>
        <translation>Open PDFs</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="67" />
        <source>タブを閉じる</source>
        <translation>Close tab</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="72" />
        <source>PDF内を検索</source>
        <translation>Search in the PDF</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="149" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="150" />
        <source>「{title}」はパスワードで保護されています。
パスワードを入力してください。</source>
        <translation>“{title}” is protected by a password.
Enter the password.</translation>
    </message>
</context>
<context>
    <name>Pdfs</name>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="24" />
        <source>PDFを読み込んでいます…</source>
        <translation>Loading the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="57" />
        <source>{name} 見本（組織）</source>
        <translation>{name} sample (organization)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="66" />
        <source>プレビューを作成しています…</source>
        <translation>Making the preview…</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="159" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="199" />
        <source>{page} / {total} ページ</source>
        <translation>Page {page} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="203" />
        <location filename="../../ui/printing.py" line="223" />
        <source>印刷しています…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="235" />
        <source>{pages}ページを {file} に出力しました</source>
        <translation>{pages} pages written to {file}</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="238" />
        <source>プリンター「{printer}」に{sheets}枚を送りました</source>
        <translation>{sheets} sheets sent to the printer “{printer}”</translation>
    </message>
</context>
<context>
    <name>QueueCommands</name>
    <message>
        <location filename="../../ui/shell/commands.py" line="18" />
        <source>今すぐメール確認</source>
        <translation>Check mail now</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="20" />
        <source>送信予定の支払明細書をいますぐ確認して送信します</source>
        <translation>Look for statements due to be mailed and send them now</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="22" />
        <source>今すぐ不達を確認</source>
        <translation>Check for bounces now</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="24" />
        <source>不達通知のメールボックスをいますぐ確認します（設定のIMAP）</source>
        <translation>Read the bounce mailbox now (the IMAP settings)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="26" />
        <location filename="../../ui/shell/commands.py" line="43" />
        <source>一時停止</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="28" />
        <location filename="../../ui/shell/commands.py" line="45" />
        <source>このPCのジョブの実行を止めます（再開できます）</source>
        <translation>Stop running this PC's jobs (you can resume)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="43" />
        <source>再開</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="44" />
        <source>このPCのジョブの実行を再開します</source>
        <translation>Run this PC's jobs again</translation>
    </message>
</context>
<context>
    <name>QueueStarter</name>
    <message>
        <location filename="../../ui/app.py" line="183" />
        <source>ジョブの実行を開始できませんでした（{error}）。oroshi-desktop worker で実行できます。</source>
        <translation>The jobs could not be started ({error}). They can run with oroshi-desktop worker.</translation>
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="38" />
        <source>送信待ち</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="38" />
        <source>送信中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="39" />
        <source>送信済み</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="39" />
        <source>失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="40" />
        <source>要確認</source>
        <translation>Check needed</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="40" />
        <source>不達</source>
        <translation>Bounced</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="45" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="46" />
        <source>供給者</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="80" />
        <source>メール: 送信済み（{time}、Webシステムから）</source>
        <translation>Mail: sent ({time}, from the web system)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="82" />
        <source>メール: まだ送信キューにありません</source>
        <translation>Mail: not in the send queue yet</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="83" />
        <source>メール: {state}</source>
        <translation>Mail: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="84" />
        <source>試行 1 回</source>
        <translation>1 attempt</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="85" />
        <source>試行 {count} 回</source>
        <translation>{count} attempts</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="87" />
        <source>第{generation}回の送信</source>
        <translation>send {generation}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="89" />
        <source>送信 {time}</source>
        <translation>sent {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="92" />
        <source>宛先 {recipients}</source>
        <translation>to {recipients}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="98" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="100" />
        <source>（CC: {cc}）</source>
        <translation> (CC: {cc})</translation>
    </message>
</context>
<context>
    <name>RunDetailPanel</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="243" />
        <source>支払明細書の詳細</source>
        <translation>Payment statement details</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="259" />
        <source>一覧から支払明細書を選んでください。</source>
        <translation>Select a payment statement in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="263" />
        <source>メール送信: する（{time}）</source>
        <translation>Mail: yes ({time})</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="264" />
        <source>メール送信: しない</source>
        <translation>Mail: no</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="265" />
        <source>状態: {state}</source>
        <translation>State: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="288" />
        <source>直前のジョブ: {reason}</source>
        <translation>Last job: {reason}</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <location filename="../../ui/statements/model.py" line="41" />
        <source>簡易版</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="42" />
        <source>標準版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="54" />
        <source>（期間なし）</source>
        <translation>(no period)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="66" />
        <source>0件</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="67" />
        <source>{count}件: </source>
        <translation>{count}: </translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="67" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="71" />
        <source>する</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="71" />
        <source>しない</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="78" />
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="78" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="78" />
        <source>レイアウト</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>メール</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>送信日時</source>
        <translation>Send at</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>状態</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings/form.py" line="129" />
        <source>変更しない場合は空欄</source>
        <translation>Leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../ui/settings/form.py" line="171" />
        <source>なし</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>SettingsValidation</name>
    <message>
        <location filename="../../ui/settings/validation.py" line="44" />
        <source>「T」と13桁の数字で、チェックデジットの合う番号を入力してください</source>
        <translation>enter T and 13 digits with a matching check digit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="55" />
        <source>{low}〜{high} の整数を入力してください</source>
        <translation>enter a whole number from {low} to {high}</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="68" />
        <source>メールアドレスを入力してください</source>
        <translation>enter a mail address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="71" />
        <source>メールアドレスの形式が正しくありません</source>
        <translation>not a valid mail address</translation>
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
        <location filename="../../ui/settings/view.py" line="54" />
        <location filename="../../ui/settings/view.py" line="55" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="72" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="85" />
        <source>会社情報（支払明細書・出荷書類に印刷）</source>
        <translation>Company (printed on statements and shipping documents)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="87" />
        <source>会社名</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="87" />
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="87" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="88" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="88" />
        <source>FAX番号</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="88" />
        <source>メール</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="89" />
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="89" />
        <source>登録番号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="123" />
        <source>書類の設定（全員共通）</source>
        <translation>Documents (shared by every PC)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="125" />
        <source>端数処理</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="125" />
        <source>四捨五入</source>
        <translation>Round half up</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="126" />
        <source>切り捨て</source>
        <translation>Round down</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="127" />
        <source>パスワードの送付</source>
        <translation>Password delivery</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="128" />
        <source>同じメール</source>
        <translation>In the same mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="128" />
        <source>別のメール</source>
        <translation>In a separate mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="129" />
        <source>出荷表の用紙</source>
        <translation>Shipping chart paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="130" />
        <source>¥0の明細書</source>
        <translation>¥0 statements</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="131" />
        <source>メールしない</source>
        <translation>Do not mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="131" />
        <source>メールする</source>
        <translation>Mail them</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="135" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="151" />
        <source>テスト送信先</source>
        <translation>Test mail to</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="21" />
        <source>不達通知のメールボックス（IMAP）</source>
        <translation>Bounce mailbox (IMAP)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="169" />
        <source>表示言語（次回起動時）</source>
        <translation>Language (at next start)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="309" />
        <source>保存しました。送信キューと自動送信は新しい設定で動きます。</source>
        <translation>Saved. The send queue and the automatic mail use the new settings from now on.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="311" />
        <source>表示言語は次回の起動から変わります。</source>
        <translation>The display language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="34" />
        <source>接続できました（未確認のメール {count} 件）</source>
        <translation>Connected ({count} messages not yet checked)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="25" />
        <location filename="../../ui/settings/view.py" line="138" />
        <location filename="../../ui/settings/view.py" line="149" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="95" />
        <location filename="../../ui/settings/view.py" line="102" />
        <source>ロゴ画像</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="102" />
        <source>画像 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="29" />
        <location filename="../../ui/settings/view.py" line="140" />
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="145" />
        <source>メールサーバー（SMTP）</source>
        <translation>Mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="153" />
        <source>テストメール</source>
        <translation>Send test mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="158" />
        <source>自動送信・その他</source>
        <translation>Schedule and more</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="163" />
        <source>次回の実行</source>
        <translation>Next runs</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="165" />
        <location filename="../../ui/settings/view.py" line="178" />
        <source>出力フォルダー</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="166" />
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="171" />
        <source>起動時の画面</source>
        <translation>View at start</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="172" />
        <source>前回の画面</source>
        <translation>The last view</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="172" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="228" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="229" />
        <source>31日以内に実行されません</source>
        <translation>Does not run within 31 days</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="315" />
        <source>設定を保存しています…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/mailbox_group.py" line="35" />
        <location filename="../../ui/settings/view.py" line="328" />
        <source>接続しています…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="343" />
        <source>差出人: 差出人か会社のメールを入力してください</source>
        <translation>Sender: enter a sender or the company mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="353" />
        <source>送信しています…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="353" />
        <source>{to} に送信しました</source>
        <translation>Sent to {to}</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="124" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="125" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="125" />
        <source>接続状態</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="127" />
        <source>スケジューラー: 確認中…</source>
        <translation>Scheduler: checking…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="130" />
        <source>スケジューラーの状態</source>
        <translation>Scheduler state</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="133" />
        <source>最後の操作の結果</source>
        <translation>Result of the last action</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="190" />
        <source>オンライン</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="190" />
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="192" />
        <source>データベースに接続できません。自動で再接続を試みています。</source>
        <translation>The database cannot be reached. Reconnecting by itself.</translation>
    </message>
</context>
<context>
    <name>StartError</name>
    <message>
        <location filename="../../ui/start_error.py" line="17" />
        <source>アプリを起動できませんでした。</source>
        <translation>The app could not start.</translation>
    </message>
</context>
<context>
    <name>Statements</name>
    <message>
        <location filename="../../ui/statements/actions.py" line="23" />
        <source>新規作成</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="23" />
        <source>新しい支払明細書を作成（仕切り作成）</source>
        <translation>Create a new payment statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="24" />
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="24" />
        <source>選んだ支払明細書のPDFを作成</source>
        <translation>Make the PDFs of the selected statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="25" />
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="25" />
        <source>選んだ支払明細書のPDFを表示</source>
        <translation>Show the PDFs of the selected statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="26" />
        <source>メールプレビュー</source>
        <translation>Mail preview…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="26" />
        <source>送信されるメールをそのまま表示</source>
        <translation>Show the mail exactly as it will be sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="27" />
        <source>今すぐ送信</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="27" />
        <source>選んだ支払明細書のメールを今すぐ送信</source>
        <translation>Send the mail of the selected statement now</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="28" />
        <location filename="../../ui/statements/confirm.py" line="44" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="28" />
        <source>送信済みのメールをもう一度送信</source>
        <translation>Send the sent mail once more</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="29" />
        <location filename="../../ui/statements/confirm.py" line="50" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="29" />
        <source>要確認のメールを送信済みにする</source>
        <translation>Mark the mail that needs checking as sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="30" />
        <location filename="../../ui/statements/confirm.py" line="56" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="30" />
        <source>選んだ支払明細書を削除（未送信のみ）</source>
        <translation>Delete the selected statement (only when not sent)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="18" />
        <source>支払明細書</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="33" />
        <source>会社のメールアドレス（組織のメールアドレスなし）</source>
        <translation>the company's address (the organization has none)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="34" />
        <source>・{name}: {to}</source>
        <translation>• {name}: {to}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="39" />
        <source>支払明細書のメールを送信しますか？</source>
        <translation>Send the payment statement mail?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="43" />
        <source>次の宛先にメールをもう一度送信します。受信者には同じ明細書が2通届きます。
{recipients}

再送しますか？</source>
        <translation>The mail is sent once more to these recipients; they will get the same statement twice.
{recipients}

Send it again?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="48" />
        <source>次の組織のメールを「送信済み」にします。受信者に届いていることを確認しましたか？
{names}

送信済みにすると、このメールは自動では再送されません。</source>
        <translation>The mail of these organizations will be marked as sent. Did you check that it arrived?
{names}

Once marked as sent, this mail is not sent again automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="49" />
        <source>・{name}</source>
        <translation>• {name}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="54" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="55" />
        <source>No.{id}（{names}）を削除しますか？
作成したPDFも削除されます。この操作は元に戻せません。</source>
        <translation>Delete No.{id} ({names})?
Its PDFs are deleted too. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/confirm.py" line="66" />
        <source>各組織の状態とエラーは右側の詳細に表示されています。</source>
        <translation>Each organization's state and error are shown in the details on the right.</translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message>
        <location filename="../../ui/statements/view.py" line="66" />
        <source>支払明細書</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="68" />
        <source>支払明細書の一覧</source>
        <translation>Payment statement list</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="164" />
        <source>印刷できるPDFがありません。先に「作成」してください。</source>
        <translation>There is no PDF to print. Use “Create” first.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="256" />
        <source>{count} 件</source>
        <translation>{count} statements</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="332" />
        <source>ジョブの実行を準備しています。少し待ってからもう一度お試しください。</source>
        <translation>The job queue is starting. Please wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="32" />
        <source>「{name}」にメールをもう一度送りますか？</source>
        <translation>Send the mail to “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="33" />
        <source>再送する</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="34" />
        <source>宛先: {to}
同じ支払明細書が、この宛先にもう一度届きます。</source>
        <translation>To: {to}
The same payment statement reaches these recipients once more.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="49" />
        <source>再送を準備しています…</source>
        <translation>Preparing the resend…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="71" />
        <source>メールを作成しています…</source>
        <translation>Composing the mail…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/mail_actions.py" line="94" />
        <source>送信済みにしています…</source>
        <translation>Marking as sent…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="429" />
        <source>削除しています…</source>
        <translation>Deleting…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="37" />
        <source>データベース: 埋め込み</source>
        <translation>Database: built-in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="41" />
        <source>データベース: PostgreSQL {server}</source>
        <translation>Database: PostgreSQL {server}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="47" />
        <source>一時停止中</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="49" />
        <source>このアプリで実行中</source>
        <translation>running in this app</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="51" />
        <source>別のプロセスで実行中</source>
        <translation>running in another process</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="53" />
        <source>停止中</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="55" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="56" />
        <source>スケジューラー: {state}　次のメール確認: {when}（{zone}）</source>
        <translation>Scheduler: {state}   next mail check: {when} ({zone})</translation>
    </message>
</context>
<context>
    <name>SuppliesView</name>
    <message>
        <location filename="../../ui/supplies/view.py" line="72" />
        <location filename="../../ui/supplies/view.py" line="73" />
        <location filename="../../ui/supplies/view.py" line="116" />
        <source>供給</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="83" />
        <source>供給日（供給のある日は色付き）</source>
        <translation>Supply day (days with supplies are coloured)</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="95" />
        <source>供給の件数</source>
        <translation>Number of supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="99" />
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="100" />
        <source>受入時間</source>
        <translation>Reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="101" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="107" />
        <source>供給の一覧</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="113" />
        <source>受入チェック表</source>
        <translation>Check sheet</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="114" />
        <source>選んだ日・都道府県・受入時間の供給・受入チェック表を作成して表示</source>
        <translation>Make and show the reception check sheet of the chosen day, prefecture and reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="235" />
        <source>すべての都道府県</source>
        <translation>All prefectures</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="237" />
        <source>すべての受入時間</source>
        <translation>All reception times</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="239" />
        <source>すべての組織</source>
        <translation>All organizations</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="269" />
        <source>{day:%Y/%m/%d} の供給 {count}件</source>
        <translation>{count} supplies on {day:%Y/%m/%d}</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="271" />
        <source>　（単価未入力 {count}件）</source>
        <translation>  ({count} without a price)</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="292" />
        <source>{day:%Y/%m/%d} には供給がないため、チェック表を作成できません。</source>
        <translation>There are no supplies on {day:%Y/%m/%d}, so no check sheet can be made.</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="303" />
        <source>供給・受入チェック表 {day:%Y/%m/%d}</source>
        <translation>Reception check sheet {day:%Y/%m/%d}</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="306" />
        <source>チェック表を作成しています…</source>
        <translation>Making the check sheet…</translation>
    </message>
</context>
<context>
    <name>SupplyTableModel</name>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>受入時間</source>
        <translation>Reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>組織</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>生産者</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>種類</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="35" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>単価</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>ロック</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="79" />
        <source>単価が入力されていません</source>
        <translation>No price entered</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="95" />
        <source>未入力</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="96" />
        <source>ロック済み</source>
        <translation>locked</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../ui/today/view.py" line="84" />
        <location filename="../../ui/today/view.py" line="236" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="97" />
        <source>更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="99" />
        <source>今日の予定を読み直します</source>
        <translation>Read today's work again</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="183" />
        <source>{title}（{count}件）</source>
        <translation>{title} ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="224" />
        <source>今日 {date}</source>
        <translation>Today, {date}</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="232" />
        <source>今日と明日の出荷</source>
        <translation>Shipments today and tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="234" />
        <source>今日と明日の出荷はありません。</source>
        <translation>Nothing ships today or tomorrow.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="236" />
        <source>明日</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="239" />
        <source>{when} {date} {carrier}: {orders}件（{units}口）</source>
        <translation>{when} {date} {carrier}: {orders} orders ({units} units)</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="243" />
        <source>この日・この運送会社の注文を開きます</source>
        <translation>Open the orders of this day and carrier</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="247" />
        <source>{document}を作成して表示します</source>
        <translation>Make and show the {document}</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="259" />
        <source>今日メールで送る支払明細書</source>
        <translation>Payment statements mailed today</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="261" />
        <source>今日送信予定の支払明細書はありません。</source>
        <translation>No payment statement is to be mailed today.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="266" />
        <source>No.{id} {period}: {when} に送信（{count}組織）</source>
        <translation>No.{id} {period}: sent at {when} ({count} organizations)</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="268" />
        <source>支払明細書を開きます</source>
        <translation>Open the payment statement</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="271" />
        <source>確認が必要なメール</source>
        <translation>Mails that need a decision</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="273" />
        <source>確認が必要なメールはありません。</source>
        <translation>No mail needs a decision.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="277" />
        <source>{state}: No.{id} {organization}</source>
        <translation>{state}: No.{id} {organization}</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="280" />
        <source>支払明細書の詳細で「再送」か「送信済みにする」を選びます</source>
        <translation>Choose “Resend” or “Mark as sent” in the statement's detail</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="284" />
        <source>単価が未設定の供給</source>
        <translation>Supplies without a price</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="286" />
        <source>単価が未設定の供給はありません。</source>
        <translation>Every supply has a price.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="289" />
        <source>{date}: {count}件（支払明細書に¥0と印刷されます）</source>
        <translation>{date}: {count} (a statement would print ¥0 for them)</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="291" />
        <source>この日の供給を開きます</source>
        <translation>Open this day's supplies</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="294" />
        <source>失敗したジョブ</source>
        <translation>Failed jobs</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="296" />
        <source>失敗したジョブはありません。</source>
        <translation>No job failed.</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="300" />
        <source>{kind}: {message}</source>
        <translation>{kind}: {message}</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="306" />
        <source>ほか {count}件</source>
        <translation>{count} more</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="313" />
        <source>次のメール確認</source>
        <translation>Next mail check</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="310" />
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/today/view.py" line="314" />
        <source>ジョブの画面を開きます</source>
        <translation>Open the jobs view</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/shell/monitor.py" line="41" />
        <source>一時停止</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="43" />
        <source>エラーあり</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="45" />
        <source>送信中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="46" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="46" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="72" />
        <source>タスクトレイで動作中です</source>
        <translation>Running in the tray</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="73" />
        <source>ウィンドウを閉じても、メールの定期確認とジョブは動き続けます。終了するにはトレイのメニューから「終了」を選びます。</source>
        <translation>With the window closed, the mail check and the jobs keep running. To quit, choose “Quit” in the tray menu.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="90" />
        <source>要確認 {count} 件</source>
        <translation>{count} to check</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="92" />
        <source>送信失敗 {count} 件</source>
        <translation>{count} mails failed</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="94" />
        <source>不達 {count} 件</source>
        <translation>{count} bounced</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="96" />
        <source>失敗したジョブ {count} 件</source>
        <translation>{count} jobs failed</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="99" />
        <source>（{details}）</source>
        <translation> ({details})</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="99" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="106" />
        <source>支払明細書を送信しました</source>
        <translation>Statements mailed</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="106" />
        <source>支払明細書のメールを送信しました。</source>
        <translation>The statement mails were sent.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="108" />
        <source>メールの送信に失敗しました</source>
        <translation>A mail could not be sent</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="109" />
        <source>ジョブ画面の送信キューで失敗の理由を確認できます。</source>
        <translation>The mail queue in Jobs shows why.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="111" />
        <source>要確認のメールがあります</source>
        <translation>A mail needs checking</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="112" />
        <source>届いたかどうか分からないメールがあります。ジョブ画面で「再送」か「送信済みにする」を選んでください。</source>
        <translation>It is not known whether a mail arrived. In Jobs, choose “Resend” or “Mark as sent”.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="115" />
        <source>届かなかった支払明細書があります（不達）</source>
        <translation>A payment statement did not arrive (bounced)</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="116" />
        <source>相手のメールサーバーから不達の通知が届きました。支払明細書の画面で宛先と理由を確認し、宛先を直してから「再送」を選んでください。</source>
        <translation>The recipient's mail server sent a bounce notice. Check the address and the reason in the payment statements, correct the address, then choose “Resend”.</translation>
    </message>
</context>
</TS>