<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="ja_JP">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="41" />
        <source>{app} について</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="44" />
        <source>支払明細書・出荷書類・ジョブの管理</source>
        <translation>Payment statements, shipping documents and jobs</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="48" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="51" />
        <source>アプリ</source>
        <translation>App</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="52" />
        <source>ビルド</source>
        <translation>Build</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="52" />
        <source>開発版</source>
        <translation>development install</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="59" />
        <source>データベース:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="62" />
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="66" />
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/operations.py" line="56" />
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
        <location filename="../../ui/archive/model.py" line="34" />
        <source>供給者別</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="34" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="43" />
        <source>発行日</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="45" />
        <source>取引先</source>
        <translation>Counterparty</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="46" />
        <source>登録番号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="47" />
        <source>支払金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="48" />
        <source>形式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="49" />
        <source>版</source>
        <translation>Ver.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="50" />
        <source>ファイル名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/archive/model.py" line="51" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <location filename="../../ui/archive/view.py" line="66" />
        <location filename="../../ui/archive/view.py" line="67" />
        <source>書類保管</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="78" />
        <source>保管された支払明細書の一覧</source>
        <translation>Stored payment statements</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="88" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="89" />
        <source>選んだ書類をビューアーで開く</source>
        <translation>Open the selected document in the viewer</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="90" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="90" />
        <source>選んだ書類を印刷</source>
        <translation>Print the selected document</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="91" />
        <location filename="../../ui/archive/view.py" line="262" />
        <source>整合性チェック</source>
        <translation>Integrity check</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="92" />
        <source>一覧の各ファイルのSHA-256を計算し直し、保存時の値と照合</source>
        <translation>Recompute the SHA-256 of every listed file and compare it with the stored value</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="93" />
        <location filename="../../ui/archive/view.py" line="300" />
        <source>CSV出力</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="94" />
        <source>一覧をCSVファイルに出力（Excelで開けます）</source>
        <translation>Export the list as CSV (opens in Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="95" />
        <location filename="../../ui/archive/view.py" line="274" />
        <source>連鎖の先頭を書き出す</source>
        <translation>Export chain head</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="96" />
        <source>記録の連鎖の先頭（SHA-256）をファイルに書き出し、後で照合できるように保管</source>
        <translation>Write the head (SHA-256) of the record chain to a file, to keep and compare later</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="99" />
        <source>保管された書類は変更・削除できません（電子帳簿保存法）。</source>
        <translation>Stored documents can be neither changed nor deleted (Electronic Books Maintenance Act).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="141" />
        <source>検索しています…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="163" />
        <source>{total}件（新しい順に{shown}件を表示。条件で絞り込んでください）</source>
        <translation>{total} documents (the newest {shown} shown; narrow the search)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="166" />
        <source>{count}件</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="189" />
        <source>PDFを読み込んでいます…</source>
        <translation>Loading the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="198" />
        <source>{name}（第{version}版）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="229" />
        <source>保存された書類のSHA-256を照合しています…</source>
        <translation>Checking the SHA-256 of the stored documents…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="240" />
        <source>・{name}（第{version}版, 文書番号 {id}）</source>
        <translation>• {name} (version {version}, document {id})</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="242" />
        <source>{checked}件中 {bad}件の書類が保存時の内容と一致しません。保存後に書き換えられた可能性があります。

{lines}</source>
        <translation>{bad} of {checked} documents no longer match what was stored. They may have been altered after they were stored.

{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="247" />
        <source>{checked}件すべての書類が保存時の内容（SHA-256）と一致しました。</source>
        <translation>All {checked} documents match what was stored (SHA-256).</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="254" />
        <source>記録の連鎖の照合で {count}件の問題が見つかりました（保存後の変更・日付の書き換え・削除）。
{lines}</source>
        <translation>The record chain check found {count} problem(s) (changed, backdated or deleted after storing).
{lines}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="259" />
        <source>記録の連鎖（金額・取引先・保存日時を含む）に問題はありません。</source>
        <translation>The record chain (amounts, counterparties and storing times included) is intact.</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="261" />
        <source>連鎖の先頭（第{seq}件）のSHA-256:
{hash}</source>
        <translation>SHA-256 of the chain head (record {seq}):
{hash}</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="275" />
        <source>書類保管_連鎖の先頭.txt</source>
        <translation>archive_chain_head.txt</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="275" />
        <source>テキスト (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="289" />
        <source>連鎖の先頭を書き出しています…</source>
        <translation>Writing the chain head…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="300" />
        <source>書類保管.csv</source>
        <translation>archive.csv</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="301" />
        <source>CSVファイル (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="317" />
        <source>CSVを書き出しています…</source>
        <translation>Writing the CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/archive/view.py" line="327" />
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
        <location filename="../../ui/orders/documents.py" line="100" />
        <location filename="../../ui/orders/documents.py" line="101" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="104" />
        <location filename="../../ui/orders/documents.py" line="109" />
        <source>運送会社</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="105" />
        <source>すべての運送会社</source>
        <translation>All carriers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="116" />
        <location filename="../../ui/orders/documents.py" line="121" />
        <source>注文のない卸先</source>
        <translation>Buyers without orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="117" />
        <source>印刷しない</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="118" />
        <source>運送会社のすべての卸先</source>
        <translation>Every buyer of the carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="120" />
        <source>卸先カテゴリ: {name}</source>
        <translation>Buyer category: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="124" />
        <location filename="../../ui/orders/documents.py" line="128" />
        <source>用紙</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="125" />
        <source>設定どおり</source>
        <translation>As in the settings</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="126" />
        <source>JIS B4（257×364 mm）</source>
        <translation>JIS B4 (257×364 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="127" />
        <source>ISO B4（250×353 mm）</source>
        <translation>ISO B4 (250×353 mm)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="130" />
        <source>すべての卸先</source>
        <translation>All buyers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="133" />
        <source>選んだ卸先のみ（{count}件）</source>
        <translation>Only the selected buyers ({count})</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="140" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="142" />
        <source>一覧の出荷方法・注文カテゴリ・卸先の絞り込みも書類に反映されます。</source>
        <translation>The list's shipping method, order category and buyer filters apply to the document too.</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="146" />
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="148" />
        <source>直接印刷</source>
        <translation>Print directly</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="150" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/orders/documents.py" line="200" />
        <source>書類を作成しています…</source>
        <translation>Making the document…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../ui/statements/filters.py" line="30" />
        <source>期間:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="31" />
        <source>期間（開始）</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="31" />
        <source>期間（終了）</source>
        <translation>Period to</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="35" />
        <location filename="../../ui/statements/filters.py" line="36" />
        <source>組織名で検索</source>
        <translation>Search by organization</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="41" />
        <source>状態で絞り込む</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="42" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/statements/filters.py" line="50" />
        <source>〜</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message>
        <location filename="../../ui/jobs/models.py" line="39" />
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="39" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="40" />
        <source>メッセージ</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="40" />
        <source>作成</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="41" />
        <source>開始</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="41" />
        <source>終了</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="42" />
        <source>試行</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="42" />
        <source>依頼したPC</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="43" />
        <source>出力</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="74" />
        <source>実行したPC: {pc}</source>
        <translation>Ran on: {pc}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="76" />
        <source>{message}
詳細（サポート用）: {error}</source>
        <translation>{message}
Details (for support): {error}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="97" />
        <source>保存済み</source>
        <translation>stored</translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message>
        <location filename="../../ui/jobs/view.py" line="66" />
        <source>定期メール確認: 読み込み中…</source>
        <translation>Mail check: loading…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="111" />
        <source>ジョブ</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="114" />
        <source>状態で絞り込み</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="115" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="116" />
        <source>種類で絞り込み</source>
        <translation>Filter by kind</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="117" />
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="121" />
        <source>状態:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="123" />
        <source>種類:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="126" />
        <source>このPCのみ（{pc}）</source>
        <translation>This PC only ({pc})</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="128" />
        <source>このPCのジョブだけを表示</source>
        <translation>Show only this PC's jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="137" />
        <source>ジョブ一覧</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="148" />
        <source>再実行</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="148" />
        <source>失敗・破棄したジョブをもう一度実行します</source>
        <translation>Run a failed or discarded job again</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="150" />
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="150" />
        <source>待機中・失敗のジョブを実行しないようにします</source>
        <translation>Keep a queued or failed job from running</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="152" />
        <source>出力を開く</source>
        <translation>Open output</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="152" />
        <source>ジョブが作ったファイルを開きます</source>
        <translation>Open the file the job made</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="154" />
        <source>失敗をすべて再実行</source>
        <translation>Retry all failed</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="155" />
        <source>絞り込んだ一覧の失敗したジョブをすべて再実行します</source>
        <translation>Retry every failed job in the filtered list</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="156" />
        <location filename="../../ui/jobs/view.py" line="270" />
        <source>すべて破棄</source>
        <translation>Discard all</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="157" />
        <source>絞り込んだ一覧の待機中・失敗のジョブをすべて破棄します</source>
        <translation>Discard every queued or failed job in the filtered list</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="261" />
        <source>絞り込んだ一覧の失敗したジョブをすべて再実行しますか？</source>
        <translation>Retry every failed job in the filtered list?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="262" />
        <source>すべて再実行</source>
        <translation>Retry all</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="264" />
        <source>失敗したジョブを再実行しています…</source>
        <translation>Retrying the failed jobs…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="265" />
        <source>{count} 件は再実行できませんでした。</source>
        <translation>{count} could not be retried.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="268" />
        <source>絞り込んだ一覧の待機中・失敗のジョブをすべて破棄しますか？</source>
        <translation>Discard every queued or failed job in the filtered list?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="269" />
        <source>破棄したジョブは実行されません（あとから再実行はできます）。</source>
        <translation>Discarded jobs do not run (you can retry them later).</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="272" />
        <source>ジョブを破棄しています…</source>
        <translation>Discarding jobs…</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="273" />
        <source>{count} 件は破棄できませんでした。</source>
        <translation>{count} could not be discarded.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="287" />
        <source>ジョブ {id}</source>
        <translation>Job {id}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/view.py" line="328" />
        <source>ファイルを開いています…</source>
        <translation>Opening the file…</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <location filename="../../ui/settings/logo.py" line="95" />
        <source>ロゴ画像の見本</source>
        <translation>Logo preview</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="99" />
        <source>画像を選ぶ…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="101" />
        <source>削除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="104" />
        <source>PNGまたはJPEG（{mb} MBまで）。標準版の明細書とチェック表に印刷されます。</source>
        <translation>PNG or JPEG (up to {mb} MB). Printed on standard-layout statements and check sheets.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="128" />
        <source>保存されている画像を読み込めません（印刷されません）</source>
        <translation>The stored image cannot be read (it is not printed)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/logo.py" line="164" />
        <source>ロゴなし</source>
        <translation>No logo</translation>
    </message>
</context>
<context>
    <name>MailCheck</name>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="41" />
        <source>{minutes}分ごと</source>
        <translation>every {minutes} minutes</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="53" />
        <source>まだありません</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="56" />
        <source>{when} {state}（{message}）</source>
        <translation>{when} {state} ({message})</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="59" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="61" />
        <source>（一時停止中のため送信しません）</source>
        <translation> (paused: nothing is sent)</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/mail_check.py" line="62" />
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
        <location filename="../../ui/main_window.py" line="93" />
        <location filename="../../ui/main_window.py" line="95" />
        <source>ナビゲーション</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>{view}の画面を開きます</source>
        <translation>Open the {view} screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>新規作成…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>この画面で新しく作成します（支払明細書: 仕切り作成）</source>
        <translation>Create something new on this screen (statements: a statement run)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>表示中の書類を印刷します</source>
        <translation>Print the document shown</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>アプリを終了します（実行中のジョブは最後まで実行されます）</source>
        <translation>Quit the app (running jobs run to the end)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>最新の情報に更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>表示中の一覧を読み直します</source>
        <translation>Read the list shown again</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>表示中の一覧を検索します</source>
        <translation>Search the list shown</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126" />
        <source>アプリ・Qt・Python・データベースのバージョン</source>
        <translation>Versions of the app, Qt, Python and the database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131" />
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>ツール(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/jobs/view.py" line="55" />
        <location filename="../../ui/shell/views.py" line="80" />
        <source>ジョブ</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="40" />
        <location filename="../../ui/shell/views.py" line="76" />
        <source>支払明細書</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="41" />
        <source>支払明細書の一覧・作成・送信</source>
        <translation>Listing, making and mailing payment statements</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="77" />
        <source>注文・出荷</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="78" />
        <source>供給</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="79" />
        <source>書類保管</source>
        <translation>Archive</translation>
    </message>
    <message>
        <location filename="../../ui/shell/views.py" line="81" />
        <source>設定</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>NewRun</name>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="82" />
        <source>組織・簡易版</source>
        <translation>Org. · simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="82" />
        <source>組織・標準版</source>
        <translation>Org. · standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="83" />
        <source>供給者・簡易版</source>
        <translation>Producers · simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="83" />
        <source>供給者・標準版</source>
        <translation>Producers · standard</translation>
    </message>
</context>
<context>
    <name>NewStatementDialog</name>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="107" />
        <source>仕切り作成</source>
        <translation>New payment statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="125" />
        <source>選択した日付の範囲内の供給ある日: …</source>
        <translation>Days with supplies in the chosen range: …</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="130" />
        <location filename="../../ui/statements/new_dialog.py" line="193" />
        <source>供給組織</source>
        <translation>Supplier organizations</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="131" />
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="133" />
        <source>CC（会社）: …</source>
        <translation>CC (company): …</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="136" />
        <source>簡易版</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="138" />
        <source>標準版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="141" />
        <source>メールを送信する</source>
        <translation>Send by mail</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="147" />
        <source>yyyy年MM月dd日 HH:mm</source>
        <translation>yyyy-MM-dd HH:mm</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="151" />
        <source>送信日時を過ぎると10分以内に送信されます。</source>
        <translation>Sent within 10 minutes once the send time has passed.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="156" />
        <location filename="../../ui/statements/new_dialog.py" line="198" />
        <source>警告</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="163" />
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="165" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="187" />
        <source>レイアウト:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="189" />
        <source>送信日時:</source>
        <translation>Send at:</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="202" />
        <source>プレビュー（見本）</source>
        <translation>Previews (samples)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="229" />
        <source>CC（会社）: {cc}</source>
        <translation>CC (company): {cc}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="230" />
        <source>CC（会社）: （会社のメールアドレスなし）</source>
        <translation>CC (company): (the company has no mail address)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="287" />
        <source>（終了日をクリック）</source>
        <translation> (click the end day)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="288" />
        <source>期間: {start} 〜 {end}</source>
        <translation>Period: {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="312" />
        <source>選択した日付の範囲内の供給ある日: {days}日</source>
        <translation>Days with supplies in the chosen range: {days}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="319" />
        <source>警告はありません。</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="361" />
        <source>プレビューを作成しています…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="377" />
        <source>供給組織: 少なくとも1つ必要です</source>
        <translation>Supplier organizations: choose at least one</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="380" />
        <source>・{warning}</source>
        <translation>• {warning}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="381" />
        <source>
…ほか{count}件</source>
        <translation>
… and {count} more</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="383" />
        <source>次の警告があります。
{warnings}

このまま作成しますか？</source>
        <translation>There are these warnings:
{warnings}

Create the statement anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/statements/new_dialog.py" line="396" />
        <source>支払明細書を作成しています…</source>
        <translation>Creating the payment statement…</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../ui/operations.py" line="141" />
        <source>データベースに接続できません。ネットワークとサーバーを確かめてください。つながると自動で最新の状態に戻ります。</source>
        <translation>The database cannot be reached. Check the network and the server; the window updates by itself once it answers.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="152" />
        <source>予期しないエラーが発生しました。作業は完了していません。
もう一度お試しください。続く場合は管理者に「詳細」の内容をお知らせください。</source>
        <translation>An unexpected error occurred. The work was not completed.
Please try again. If it happens again, send the text under “Details” to your administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="157" />
        <source>記録: {file}</source>
        <translation>Log: {file}</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="158" />
        <source>詳しい記録はログにあります。</source>
        <translation>The log has the full record.</translation>
    </message>
    <message>
        <location filename="../../ui/operations.py" line="289" />
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../ui/orders/filters.py" line="62" />
        <source>出荷日（から）</source>
        <translation>Shipping from</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="63" />
        <source>出荷日（まで）</source>
        <translation>Shipping to</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="64" />
        <source>運送会社</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="65" />
        <source>出荷方法</source>
        <translation>Shipping method</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="66" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="67" />
        <source>注文カテゴリ</source>
        <translation>Order category</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="68" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="69" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="74" />
        <location filename="../../ui/orders/filters.py" line="75" />
        <source>卸先・商品で検索</source>
        <translation>Search by buyer or product</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="89" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="117" />
        <source>すべての運送会社</source>
        <translation>All carriers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="119" />
        <source>すべての卸先</source>
        <translation>All buyers</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="120" />
        <source>すべての注文カテゴリ</source>
        <translation>All order categories</translation>
    </message>
    <message>
        <location filename="../../ui/orders/filters.py" line="126" />
        <source>すべての出荷方法</source>
        <translation>All shipping methods</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../ui/orders/model.py" line="39" />
        <source>見積もり</source>
        <translation>Estimate</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="40" />
        <source>確認済み</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="41" />
        <source>出荷済み</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>卸先</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>商品・バリエーション</source>
        <translation>Product / variation</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>商品数量</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>容器数量</source>
        <translation>Receptacles</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="48" />
        <source>貨物数量</source>
        <translation>Freight</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49" />
        <source>単価</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49" />
        <source>出荷日</source>
        <translation>Shipping date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49" />
        <source>到着日</source>
        <translation>Arrival date</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="49" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/orders/model.py" line="101" />
        <source>{quantity}（{receptacle}）</source>
        <translation>{quantity} ({receptacle})</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/orders/view.py" line="50" />
        <location filename="../../ui/orders/view.py" line="51" />
        <source>注文・出荷</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="59" />
        <source>注文の一覧</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="65" />
        <source>出荷表</source>
        <translation>Shipping chart</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="66" />
        <source>運送会社と出荷日の出荷表を作成</source>
        <translation>Make the shipping chart of a carrier and a day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="67" />
        <source>卸先用出荷表</source>
        <translation>Packing slips</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="69" />
        <source>卸先ごとの出荷表を作成（すべて、または選んだ卸先のみ）</source>
        <translation>Make a packing slip per buyer (all, or the selected ones)</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="70" />
        <source>まとめた出荷明細表</source>
        <translation>Shipping list</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="71" />
        <source>出荷日のまとめた出荷明細表を作成</source>
        <translation>Make the shipping list of a day</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="75" />
        <source>絞り込んだ注文の合計</source>
        <translation>Totals of the filtered orders</translation>
    </message>
    <message>
        <location filename="../../ui/orders/view.py" line="155" />
        <source>{count}件　貨物数量 {freight}口　容器数量 {boxes}　金額 ¥{amount}</source>
        <translation>{count} orders   freight {freight} units   receptacles {boxes}   amount ¥{amount}</translation>
    </message>
</context>
<context>
    <name>OrganizationBox</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="110" />
        <source>PDFはまだ作成されていません。</source>
        <translation>The PDFs are not made yet.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="110" />
        <source>PDFがありません。</source>
        <translation>There are no PDFs.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="118" />
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="120" />
        <source>{kind}のPDFを開く</source>
        <translation>Open the {kind} PDF</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="138" />
        <source>エラー: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="145" />
        <source>第{generation}回: {state}（試行 {count} 回</source>
        <translation>Send {generation}: {state} ({count} attempts</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="147" />
        <source>、送信 {time}</source>
        <translation>, sent {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="148" />
        <source>、{error}</source>
        <translation>, {error}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="148" />
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="150" />
        <source>これまでの送信:</source>
        <translation>Earlier sends:</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="28" />
        <source>「{name}」にメールをもう一度送りますか？</source>
        <translation>Send the mail to “{name}” again?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="30" />
        <source>宛先: {to}
同じ支払明細書が、この宛先にもう一度届きます。</source>
        <translation>To: {to}
The same payment statement reaches these recipients once more.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="32" />
        <source>再送する</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="36" />
        <source>「{name}」へのメールを送信済みにしますか？</source>
        <translation>Mark the mail to “{name}” as sent?</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="38" />
        <source>相手に届いていることを確かめてから選んでください。このメールは再送されなくなります。</source>
        <translation>Choose this only after checking that the mail arrived. It will not be resent.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="39" />
        <location filename="../../ui/jobs/outbox_panel.py" line="79" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="44" />
        <source>支払明細書のメール送信キュー（全PC）</source>
        <translation>Statement mail queue (all PCs)</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="48" />
        <source>送信状態で絞り込み</source>
        <translation>Filter by mail state</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="49" />
        <source>すべての状態</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="53" />
        <source>状態:</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="59" />
        <source>メール送信キュー</source>
        <translation>Mail queue</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="67" />
        <source>共有データベースに接続できません。つながると自動で最新の状態になります。</source>
        <translation>The shared database cannot be reached. The list updates by itself once it answers.</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="78" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="78" />
        <source>この組織にメールをもう一度送ります</source>
        <translation>Send the mail to this organization again</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="80" />
        <source>届いていることを確かめたメールを送信済みにします</source>
        <translation>Mark a mail you know has arrived as sent</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/outbox_panel.py" line="141" />
        <source>再送を準備しています…</source>
        <translation>Preparing the resend…</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <location filename="../../ui/jobs/models.py" line="101" />
        <source>明細書</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="101" />
        <source>組織</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="102" />
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="102" />
        <source>試行</source>
        <translation>Tries</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="103" />
        <source>最後のエラー・確認事項</source>
        <translation>Last error / what to check</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="104" />
        <source>宛先</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="104" />
        <source>送信したPC</source>
        <translation>Sent by</translation>
    </message>
    <message>
        <location filename="../../ui/jobs/models.py" line="153" />
        <source>{state}（第{generation}回）</source>
        <translation>{state} (round {generation})</translation>
    </message>
</context>
<context>
    <name>PagedIdModel</name>
    <message>
        <location filename="../../ui/paged_model.py" line="51" />
        <source>…</source>
        <translation>…</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="55" />
        <source>パスワード（クリックでコピー）</source>
        <translation>Password (click to copy)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="56" />
        <source>クリックするとパスワードを表示します。表示中にクリックするとコピーします。</source>
        <translation>Click to show the password; click the shown password to copy it.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="66" />
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
        <location filename="../../ui/viewer/window.py" line="37" />
        <location filename="../../ui/viewer/window.py" line="71" />
        <source>PDFビューア</source>
        <translation>PDF viewer</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="40" />
        <source>開いているPDF</source>
        <translation>Open PDFs</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="93" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/viewer/window.py" line="94" />
        <source>「{title}」はパスワードで保護されています。
パスワードを入力してください。</source>
        <translation>“{title}” is protected by a password.
Enter the password.</translation>
    </message>
</context>
<context>
    <name>Pdfs</name>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="25" />
        <source>PDFを読み込んでいます…</source>
        <translation>Loading the PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="58" />
        <source>{name} 見本（組織）</source>
        <translation>{name} sample (organization)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/pdfs.py" line="67" />
        <source>プレビューを作成しています…</source>
        <translation>Making the preview…</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <location filename="../../ui/shell/placeholder.py" line="18" />
        <source>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;{what}は次の版でこの画面からできるようになります。&lt;/p&gt;&lt;p&gt;それまでは Web 版のオロシ、またはコマンド &lt;code&gt;oroshi-desktop --help&lt;/code&gt; をお使いください。&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{title}&lt;/h2&gt;&lt;p&gt;{what} will be possible from this screen in the next version.&lt;/p&gt;&lt;p&gt;Until then use the web version of Oroshi or the command &lt;code&gt;oroshi-desktop --help&lt;/code&gt;.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing.py" line="176" />
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="223" />
        <source>{page} / {total} ページ</source>
        <translation>Page {page} of {total}</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="227" />
        <source>印刷しています…</source>
        <translation>Printing…</translation>
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
        <location filename="../../ui/shell/commands.py" line="37" />
        <source>一時停止</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="24" />
        <location filename="../../ui/shell/commands.py" line="39" />
        <source>このPCのジョブの実行を止めます（再開できます）</source>
        <translation>Stop running this PC's jobs (you can resume)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="37" />
        <source>再開</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../ui/shell/commands.py" line="38" />
        <source>このPCのジョブの実行を再開します</source>
        <translation>Run this PC's jobs again</translation>
    </message>
</context>
<context>
    <name>QueueStarter</name>
    <message>
        <location filename="../../ui/app.py" line="174" />
        <source>ジョブの実行を開始できませんでした（{error}）。oroshi-desktop worker で実行できます。</source>
        <translation>The jobs could not be started ({error}). They can run with oroshi-desktop worker.</translation>
    </message>
</context>
<context>
    <name>RunDetail</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="35" />
        <source>送信待ち</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="35" />
        <source>送信中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="36" />
        <source>送信済み</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="36" />
        <source>失敗</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="37" />
        <source>要確認</source>
        <translation>Check needed</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="42" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="43" />
        <source>供給者</source>
        <translation>Producers</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="77" />
        <source>メール: 送信済み（{time}、Webシステムから）</source>
        <translation>Mail: sent ({time}, from the web system)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="79" />
        <source>メール: まだ送信キューにありません</source>
        <translation>Mail: not in the send queue yet</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="80" />
        <source>メール: {state}</source>
        <translation>Mail: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="81" />
        <source>試行 {count} 回</source>
        <translation>{count} attempts</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="83" />
        <source>第{generation}回の送信</source>
        <translation>send {generation}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="85" />
        <source>送信 {time}</source>
        <translation>sent {time}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="88" />
        <source>宛先 {recipients}</source>
        <translation>to {recipients}</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="94" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="96" />
        <source>（CC: {cc}）</source>
        <translation> (CC: {cc})</translation>
    </message>
</context>
<context>
    <name>RunDetailPanel</name>
    <message>
        <location filename="../../ui/statements/detail.py" line="168" />
        <source>支払明細書の詳細</source>
        <translation>Payment statement details</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="180" />
        <source>一覧から支払明細書を選んでください。</source>
        <translation>Select a payment statement in the list.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="184" />
        <source>メール送信: する（{time}）</source>
        <translation>Mail: yes ({time})</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="185" />
        <source>メール送信: しない</source>
        <translation>Mail: no</translation>
    </message>
    <message>
        <location filename="../../ui/statements/detail.py" line="186" />
        <source>状態: {state}</source>
        <translation>State: {state}</translation>
    </message>
</context>
<context>
    <name>RunTable</name>
    <message>
        <location filename="../../ui/statements/model.py" line="42" />
        <source>簡易版</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="43" />
        <source>標準版</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="55" />
        <source>（期間なし）</source>
        <translation>(no period)</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="67" />
        <source>0件</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="68" />
        <source>{count}件: </source>
        <translation>{count}: </translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="68" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="72" />
        <source>する</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="72" />
        <source>しない</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="79" />
        <source>レイアウト</source>
        <translation>Layout</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="80" />
        <source>メール</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="80" />
        <source>送信日時</source>
        <translation>Send at</translation>
    </message>
    <message>
        <location filename="../../ui/statements/model.py" line="80" />
        <source>状態</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings/form.py" line="123" />
        <source>変更しない場合は空欄</source>
        <translation>Leave empty to keep it</translation>
    </message>
</context>
<context>
    <name>SettingsValidation</name>
    <message>
        <location filename="../../ui/settings/validation.py" line="38" />
        <source>「T」と13桁の数字で、チェックデジットの合う番号を入力してください</source>
        <translation>enter T and 13 digits with a matching check digit</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="45" />
        <source>1円から1兆円までの整数（円）を入力してください</source>
        <translation>enter a whole number of yen from 1 to 1 trillion</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="53" />
        <source>1〜65535 の数字を入力してください</source>
        <translation>enter a number from 1 to 65535</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="66" />
        <source>URLの形式が正しくありません（例: postgresql://user@host:5432/oroshi）</source>
        <translation>not a valid URL (e.g. postgresql://user@host:5432/oroshi)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="68" />
        <source>postgresql:// か sqlite:/// で始まるURLを入力してください</source>
        <translation>enter a URL starting with postgresql:// or sqlite:///</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="70" />
        <source>URLにパスワードを含めないでください（パスワード欄に入力します）</source>
        <translation>no password in the URL (type it in the password field)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="72" />
        <source>サーバー名（ホスト）がありません</source>
        <translation>the server (host) is missing</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="80" />
        <source>メールアドレスを入力してください</source>
        <translation>enter a mail address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="84" />
        <source>メールアドレスの形式が正しくありません</source>
        <translation>not a valid mail address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="98" />
        <source>制御文字を含めないでください</source>
        <translation>must not contain control characters</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="99" />
        <source>空白を含めないでください</source>
        <translation>must not contain spaces</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="100" />
        <source>253文字以内で入力してください</source>
        <translation>enter at most 253 characters</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="102" />
        <source>サーバー名として正しくありません（例: smtp.example.jp）</source>
        <translation>not a valid server name (e.g. smtp.example.jp)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="111" />
        <source>不明なタイムゾーンです（例: Asia/Tokyo）</source>
        <translation>unknown time zone (e.g. Asia/Tokyo)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/validation.py" line="128" />
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
        <location filename="../../ui/settings/view.py" line="64" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="77" />
        <source>会社情報（支払明細書・出荷書類に印刷）</source>
        <translation>Company (printed on statements and shipping documents)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="79" />
        <source>会社名</source>
        <translation>Company name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="79" />
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="79" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="80" />
        <source>電話番号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="80" />
        <source>FAX番号</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="80" />
        <source>メール</source>
        <translation>Mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="81" />
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="81" />
        <source>登録番号</source>
        <translation>Registration no.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="115" />
        <source>書類の設定（全員共通）</source>
        <translation>Documents (shared by every PC)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="117" />
        <source>端数処理</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="117" />
        <source>四捨五入</source>
        <translation>Round half up</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="118" />
        <source>切り捨て</source>
        <translation>Round down</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="119" />
        <source>パスワードの送付</source>
        <translation>Password delivery</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="120" />
        <source>同じメール</source>
        <translation>In the same mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="120" />
        <source>別のメール</source>
        <translation>In a separate mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="121" />
        <source>出荷表の用紙</source>
        <translation>Shipping chart paper</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="122" />
        <source>¥0の明細書</source>
        <translation>¥0 statements</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="123" />
        <source>メールしない</source>
        <translation>Do not mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="123" />
        <source>メールする</source>
        <translation>Mail them</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="127" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="129" />
        <source>接続先URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="130" />
        <source>postgresql://ユーザー@サーバー/DB（空欄で内蔵DB）</source>
        <translation>postgresql://user@server/db (empty: built-in)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="147" />
        <source>差出人</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="147" />
        <source>空欄で会社のメール</source>
        <translation>empty: the company mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="148" />
        <source>テスト送信先</source>
        <translation>Test mail to</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="156" />
        <source>メール確認（cron）</source>
        <translation>Mail check (cron)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="160" />
        <source>明細行の警告金額（円）</source>
        <translation>Warn above this line amount (yen)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="165" />
        <source>表示言語（次回起動時）</source>
        <translation>Language (at next start)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="131" />
        <location filename="../../ui/settings/view.py" line="146" />
        <source>パスワード</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="87" />
        <location filename="../../ui/settings/view.py" line="94" />
        <source>ロゴ画像</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="94" />
        <source>画像 (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="133" />
        <source>接続テスト</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="138" />
        <source>メールサーバー（SMTP）</source>
        <translation>Mail server (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="140" />
        <source>サーバー名</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="141" />
        <source>ポート番号</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="142" />
        <source>暗号化</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="143" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="145" />
        <source>ユーザー名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="150" />
        <source>テストメール</source>
        <translation>Send test mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="154" />
        <source>自動送信・その他</source>
        <translation>Schedule and more</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="157" />
        <source>タイムゾーン</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="159" />
        <source>次回の実行</source>
        <translation>Next runs</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="161" />
        <location filename="../../ui/settings/view.py" line="173" />
        <source>出力フォルダー</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="162" />
        <source>参照…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="223" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="224" />
        <source>31日以内に実行されません</source>
        <translation>Does not run within 31 days</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="303" />
        <source>保存しました。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="306" />
        <source>設定を保存しています…</source>
        <translation>Saving the settings…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="318" />
        <source>接続しています…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="336" />
        <source>差出人: 差出人か会社のメールを入力してください</source>
        <translation>Sender: enter a sender or the company mail</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="339" />
        <source>送信しています…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <location filename="../../ui/settings/view.py" line="341" />
        <source>{to} に送信しました</source>
        <translation>Sent to {to}</translation>
    </message>
</context>
<context>
    <name>ShellStatusBar</name>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="48" />
        <source>データベース</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="49" />
        <source>確認中…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="49" />
        <source>接続状態</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="50" />
        <source>スケジューラー: 確認中…</source>
        <translation>Scheduler: checking…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="51" />
        <source>スケジューラーの状態</source>
        <translation>Scheduler state</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="67" />
        <source>オンライン</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="67" />
        <source>接続できません</source>
        <translation>Cannot connect</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="69" />
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
        <location filename="../../ui/statements/actions.py" line="22" />
        <source>新規作成</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="22" />
        <source>新しい支払明細書を作成（仕切り作成）</source>
        <translation>Create a new payment statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="23" />
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="23" />
        <source>選んだ支払明細書のPDFを作成</source>
        <translation>Make the PDFs of the selected statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="24" />
        <source>プレビュー</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="24" />
        <source>選んだ支払明細書のPDFを表示</source>
        <translation>Show the PDFs of the selected statement</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="25" />
        <source>メールプレビュー</source>
        <translation>Mail preview…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="25" />
        <source>送信されるメールをそのまま表示</source>
        <translation>Show the mail exactly as it will be sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="26" />
        <source>今すぐ送信</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="26" />
        <source>選んだ支払明細書のメールを今すぐ送信</source>
        <translation>Send the mail of the selected statement now</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="27" />
        <location filename="../../ui/statements/confirm.py" line="44" />
        <source>再送</source>
        <translation>Resend</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="27" />
        <source>送信済みのメールをもう一度送信</source>
        <translation>Send the sent mail once more</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="28" />
        <location filename="../../ui/statements/confirm.py" line="50" />
        <source>送信済みにする</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="28" />
        <source>要確認のメールを送信済みにする</source>
        <translation>Mark the mail that needs checking as sent</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="29" />
        <location filename="../../ui/statements/confirm.py" line="56" />
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/statements/actions.py" line="29" />
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
        <source>インボイスのメールを送信しますか？</source>
        <translation>Send the invoice mail?</translation>
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
        <location filename="../../ui/statements/confirm.py" line="62" />
        <source>各組織の状態とエラーは右側の詳細に表示されています。</source>
        <translation>Each organization's state and error are shown in the details on the right.</translation>
    </message>
</context>
<context>
    <name>StatementsView</name>
    <message>
        <location filename="../../ui/statements/view.py" line="54" />
        <source>支払明細書</source>
        <translation>Statements</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="56" />
        <source>支払明細書の一覧</source>
        <translation>Payment statement list</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="132" />
        <source>印刷できるPDFがありません。先に「作成」してください。</source>
        <translation>There is no PDF to print. Use “Create” first.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="192" />
        <source>{count} 件</source>
        <translation>{count} statements</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="264" />
        <source>ジョブの実行を準備しています。少し待ってからもう一度お試しください。</source>
        <translation>The job queue is starting. Please wait a moment and try again.</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="333" />
        <source>メールを作成しています…</source>
        <translation>Composing the mail…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="351" />
        <source>送信済みにしています…</source>
        <translation>Marking as sent…</translation>
    </message>
    <message>
        <location filename="../../ui/statements/view.py" line="376" />
        <source>削除しています…</source>
        <translation>Deleting…</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="21" />
        <source>データベース: 埋め込み</source>
        <translation>Database: built-in</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="25" />
        <source>データベース: PostgreSQL {server}</source>
        <translation>Database: PostgreSQL {server}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="31" />
        <source>一時停止中</source>
        <translation>paused</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="33" />
        <source>このアプリで実行中</source>
        <translation>running in this app</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="35" />
        <source>別のプロセスで実行中</source>
        <translation>running in another process</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="37" />
        <source>停止中</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="39" />
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/shell/status_bar.py" line="40" />
        <source>スケジューラー: {state}　次のメール確認: {when}（{zone}）</source>
        <translation>Scheduler: {state}   next mail check: {when} ({zone})</translation>
    </message>
</context>
<context>
    <name>SuppliesView</name>
    <message>
        <location filename="../../ui/supplies/view.py" line="69" />
        <location filename="../../ui/supplies/view.py" line="70" />
        <source>供給</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="80" />
        <source>供給日（供給のある日は色付き）</source>
        <translation>Supply day (days with supplies are coloured)</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="92" />
        <source>供給の件数</source>
        <translation>Number of supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="96" />
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="97" />
        <source>受入時間</source>
        <translation>Reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="98" />
        <source>組織</source>
        <translation>Org.</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="104" />
        <source>供給の一覧</source>
        <translation>Supplies</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="110" />
        <source>受入チェック表</source>
        <translation>Check sheet</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="111" />
        <source>選んだ日・都道府県・受入時間の供給・受入チェック表を作成して表示</source>
        <translation>Make and show the reception check sheet of the chosen day, prefecture and reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="231" />
        <source>すべての都道府県</source>
        <translation>All prefectures</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="233" />
        <source>すべての受入時間</source>
        <translation>All reception times</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="235" />
        <source>すべての組織</source>
        <translation>All organizations</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="266" />
        <source>{day:%Y/%m/%d} の供給 {count}件</source>
        <translation>{count} supplies on {day:%Y/%m/%d}</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="268" />
        <source>　（単価未入力 {count}件）</source>
        <translation>  ({count} without a price)</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="289" />
        <source>{day:%Y/%m/%d} には供給がないため、チェック表を作成できません。</source>
        <translation>There are no supplies on {day:%Y/%m/%d}, so no check sheet can be made.</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="300" />
        <source>供給・受入チェック表 {day:%Y/%m/%d}</source>
        <translation>Reception check sheet {day:%Y/%m/%d}</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/view.py" line="303" />
        <source>チェック表を作成しています…</source>
        <translation>Making the check sheet…</translation>
    </message>
</context>
<context>
    <name>SupplyTableModel</name>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>都道府県</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>受入時間</source>
        <translation>Reception time</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>組織</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>生産者</source>
        <translation>Producer</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>種類</source>
        <translation>Variation</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="36" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="37" />
        <source>単価</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="37" />
        <source>ロック</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="76" />
        <source>単価が入力されていません</source>
        <translation>No price entered</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="92" />
        <source>未入力</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../ui/supplies/model.py" line="93" />
        <source>ロック済み</source>
        <translation>locked</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/shell/monitor.py" line="45" />
        <source>一時停止</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="47" />
        <source>エラーあり</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="49" />
        <source>送信中</source>
        <translation>Sending</translation>
    </message>
    <message>
        <location filename="../../ui/shell/monitor.py" line="50" />
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
        <source>失敗したジョブ {count} 件</source>
        <translation>{count} jobs failed</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="97" />
        <source>（{details}）</source>
        <translation> ({details})</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="97" />
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="104" />
        <source>支払明細書を送信しました</source>
        <translation>Statements mailed</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="104" />
        <source>支払明細書のメールを送信しました。</source>
        <translation>The statement mails were sent.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="106" />
        <source>メールの送信に失敗しました</source>
        <translation>A mail could not be sent</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="107" />
        <source>ジョブ画面の送信キューで失敗の理由を確認できます。</source>
        <translation>The mail queue in Jobs shows why.</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="109" />
        <source>要確認のメールがあります</source>
        <translation>A mail needs checking</translation>
    </message>
    <message>
        <location filename="../../ui/tray.py" line="110" />
        <source>届いたかどうか分からないメールがあります。ジョブ画面で「再送」か「送信済みにする」を選んでください。</source>
        <translation>It is not known whether a mail arrived. In Jobs, choose “Resend” or “Mark as sent”.</translation>
    </message>
</context>
</TS>