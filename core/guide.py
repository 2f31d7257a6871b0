"""The guide's section titles, so every plan can say which part of the guide it rests on.

The titles are references into ../shared/guide/aliexpress-disputes-and-refunds-guide.txt;
a reader can search the guide for any of them.
"""

from core.i18n import N_

NOT_SHIPPED = N_("When the order has not been shipped yet")
PAYMENT_CONFIRMED = N_("When payment of the order has been confirmed")
NOT_RECEIVED = N_("When you have not received the order")
DID_NOT_ARRIVE = N_("The order didn't arrive")
DELIVERED_NOT_RECEIVED = N_("Order delivered but not received")
FAULTY = N_("Faulty product or item not as described")
NOT_MATCHING = N_("When the order does not match the description")
SLIGHTLY_IMPERFECT = N_("Slightly imperfect product")
INCOMPLETE = N_("Incomplete order")
FAKE = N_("The product is fake")
WRONG_ITEM = N_("You get something you didn't order")
SHIPPING_METHOD = N_("The shipping method is not correct")
HOW_TO_OPEN = N_("How to open a dispute")
PHASES = N_("Phases of the dispute")
JUDGEMENT = N_("AliExpress judgement")
TRICKS = N_("Tricks to win the dispute")
ACCEPT_PROPOSAL = N_("How to accept the seller's or AliExpress' proposal")
CANCEL_DISPUTE = N_("How to cancel a dispute")
EDIT_DISPUTE = N_("Editing an ongoing dispute")
REOPEN = N_("Reopening a closed dispute")
APPEAL = N_("Appealing a dispute")
CANNOT_OPEN = N_("Why won't AliExpress let me open a dispute")
AFTER_RECEIPT = N_("Opening dispute after 15 days")
PROTECTION = N_("Warranties and buyer protection periods")
RETURNS = N_("How returns work")
REFUND_TIME = N_('"Refund processing": how long does it take?')
NOT_REFUNDING = N_("AliExpress is not refunding me")
REFUND_STATUS = N_("How to know if your money has been refunded")
INCOMPLETE_REFUND = N_("I received an incomplete refund")
SUPPORT = N_("How to contact AliExpress customer support")
