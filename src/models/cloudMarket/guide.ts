/** "How to use it" and "Things to try" for the cloud market's Info panel, shown above the ODD (NetLogo's manner). */
export const guide = `# How to use it
- Pick a ready scenario under **Presets**, or set the parameters yourself: the sections **Market**, **Customers by
  industry**, **Vendors**, **Supply** and **Mechanisms**, and the **Vendors**, **Suppliers** and **Events** tables
  (each vendor's strategy, price band, margin and entry day; the timed events such as supply shocks).
- Press **Setup** to build the market, then **Go** to run or pause, **Step** for one day, **Step a year** for 365.
  A parameter marked "applies at Setup" needs a new Setup; a vendor's strategy, margin and price band change live.
- Watch the **Market share** plot and the monitors; the other plots (price, stock-outs, loyalty, …) are one click away.
- Click a customer (a dot) to open it in the **inspector**: its attributes and *Why this seller*, each seller's chance
  and the terms of its appeal. Click a vendor (a square) to see every vendor's brand and reference price.
- **What if?** runs the market twice from one seed: **Fork here** on any day, change something, and compare the two
  runs side by side; the ready what-ifs are in the same menu. The ODD below documents every rule.

# Things to try
- Open *Everyone fights on price*: do the vendors' shares move? Who ends five years with a loss?
- Open the what-if *What if Cirrus ends its price war in year 2?*: does Cirrus keep the share it won?
- Lower **Switching cost** to 0 (every renewing customer compares), or raise it to 4 again, and watch how fast shares
  move.
- Open *A long supply shock* and the **Stock-outs per day** plot: who runs out first, and who wins customers after?
- In *A cheap late entrant*, turn off **Mechanism: newcomer brand handicap**: how much faster does Eos grow?
- Open *A market at rest*: nothing should move. Then turn one mechanism back on, or change one vendor's strategy.
`;
