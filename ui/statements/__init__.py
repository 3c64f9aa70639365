"""The 支払明細書 screen: ``StatementsView`` (list, detail, actions) and the 仕切り作成 dialog."""
