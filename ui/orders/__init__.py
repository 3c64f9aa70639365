"""注文・出荷: the orders list and the shipping documents."""
