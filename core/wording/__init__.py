"""The words of every rule, one module a job; import each name from the module that owns it.

- table: `WORDS`, each `Rule`'s five parts (headline, steps, proof, warnings, messages), the
  deadline labels (`DEADLINE_LABELS`, `LAST_DAYS`) and the money line (`money_words`);
- said: what the words know about a case (`Said`) and the helpers every part uses
  (`form_safe`, `message`, `join`, `nothing`);
- headlines: the headline builders (`said`, `refund_headline`) and the headlines that need more;
- steps: the steps to take;
- proof: the proof to gather;
- warnings: the warnings;
- messages: the ready-to-send messages, and the sentences only they use;
- seller_asks: what never to do about what the seller is pushing for, and the reply to send.
"""
