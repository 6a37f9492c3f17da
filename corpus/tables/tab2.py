# Batch tab2: table-heavy documents (electronics, medical devices, pharmaceuticals).
S, I, T, N = "specified", "implied", "statutory", "none"
DOCS = []

# ---------------------------------------------------------------- electronics
DOCS.append(dict(doc="tab2-po-kestrel-pcba", industry="electronics", doc_type="purchase_order", blocks=[
  ("h", "Purchase Order"),
  ("kv", [(N, "PO No.", "4510-22871"), (N, "Revision", "02 (qty change pos. 30)"), (N, "Date", "03.02.2026"),
          (N, "Vendor no.", "100482"), (N, "Buyer / phone", "Purchasing electronics, ext. 2214"),
          (S, "Delivery address", "Kestrel Drives GmbH, goods receipt gate 3, Industriestr. 14, 71254 Ditzingen"),
          (S, "Incoterms 2020", "FCA Brno, supplier's dock, loaded on truck"),
          (S, "Payment terms", "45 days end of month, 2 % discount if paid within 14 days"),
          (N, "Currency", "EUR"),
          (S, "Packaging", "ESD shielding bags in KLT 4147, max. 40 boards per KLT, MSL parts sealed per J-STD-033")]),
  ("p", S, "Please confirm this order within 3 working days, stating the confirmed delivery date for each position."),
  ("h", "1. Positions"),
  ("t", ["Pos.", "Material no.", "Description", "Qty", "Unit price EUR", "Net value EUR", "Req. date"], [
      (S, ["10", "3PA-00812", "Control board MC200, assembled and tested", "1.200 pcs", "48,20", "57.840,00", "CW 11/2026"]),
      (S, ["20", "3PA-00813", "Power stage board PS200, conformal coated (side B only)", "1.200 pcs", "61,75", "74.100,00", "CW 11/2026"]),
      (S, ["30", "3PA-00820", "Encoder interface board, w/o connector X4", "800 pcs", "17,90", "14.320,00", "CW 13/2026"]),
      (N, ["", "", "Total net value", "", "", "146.260,00", ""])]),
  ("h", "2. Call-offs pos. 10"),
  ("t", ["Pos.", "Call-off", "Qty", "Arrival date"], [
      (S, ["10", "1", "600", "09.03.2026"]),
      (S, ["10", "2", "600", "23.03.2026"])]),
  ("h", "3. Quality and notes"),
  ("p", S, "3.1 Boards shall be built to IPC-A-610 Class 2 and to the drawing revision stated in the material master."),
  ("p", T, "3.2 The EU declaration of conformity under the RoHS Directive 2011/65/EU shall be on file with Kestrel before the first delivery of any new material number."),
  ("p", I, "3.3 The drives are installed in packaging machines in food plants, where cabinets are washed down daily and run at up to 45 °C inside."),
  ("p", N, "3.4 Our general terms of purchase, edition 2024, apply; deviating terms of the supplier are not accepted."),
  ("kv", [(N, "Issued by", "Kestrel Drives GmbH, Purchasing (generated electronically, valid without signature)")]),
]))

DOCS.append(dict(doc="tab2-po-varenholt-terminal-blocks", industry="electronics", doc_type="purchase_order", blocks=[
  ("h", "Delivery schedule / release"),
  ("kv", [(N, "Scheduling agreement", "5500031177"), (N, "Release no.", "0047"), (N, "Release date", "2026-01-19"),
          (S, "Ship-to", "Varenholt Metering AS, plant Moss, receiving door 2"),
          (S, "Invoice to", "Accounts payable, Varenholt Metering AS; PDF invoices only, one invoice per delivery note"),
          (S, "Delivery terms", "DDP Moss (Incoterms 2020), customs cleared"),
          (N, "Contact", "Materials planning, ext. 440")]),
  ("p", S, "The quantities in the firm zone are binding for both parties; the forecast zone is given for your capacity and material planning."),
  ("t", ["Part no.", "Description", "Week", "Qty", "Zone", "Cum. qty"], [
      (S, ["VH-C-2210", "Terminal block 4-pole, 32 A", "2026-W06", "5,000", "firm", "48,500"]),
      (S, ["VH-C-2210", "Terminal block 4-pole, 32 A", "2026-W08", "5,000", "firm", "53,500"]),
      (S, ["VH-C-2210", "", "2026-W10", "7,500", "firm", "61,000"]),
      (S, ["VH-C-2214", "Terminal block 6-pole, 63 A, meter side", "2026-W07", "2,000", "firm", "14,000"]),
      (I, ["VH-C-2210", "", "2026-W14", "10,000", "forecast", "71,000"]),
      (I, ["VH-C-2214", "", "2026-W15", "3,000", "forecast", "17,000"])]),
  ("h", "4. Requirements"),
  ("p", S, "4.1 Each delivery note and label shall show the scheduling agreement number, the release number and our part number (VDA 4902 label or equivalent)."),
  ("p", I, "4.2 Parts are fed from blister tape into an automatic assembly line, and more than one empty pocket per reel stops the line."),
  ("p", T, "4.3 Supplier shall provide a statement under Article 33 of Regulation (EC) No 1907/2006 (REACH), as the brass inserts may contain lead above 0.1 % w/w."),
  ("kv", [(N, "Previous release", "0046 of 2026-01-12, superseded by this release")]),
]))

DOCS.append(dict(doc="tab2-qa-brightmoor-pcba", industry="electronics", doc_type="quality_agreement", blocks=[
  ("h", "Quality Assurance Agreement"),
  ("p", N, "This Quality Assurance Agreement is made between Brightmoor Instruments Ltd (Customer) and Tarnow Circuit Assembly (Supplier) and covers all printed circuit board assemblies delivered under the Framework Supply Agreement of 14 May 2025."),
  ("h", "2. Responsibilities"),
  ("t", ["Activity", "Brightmoor", "Tarnow", "Remarks"], [
      (S, ["Design and release of assembly drawings and BOM", "R", "I", ""]),
      (S, ["Approved manufacturer list (AML) maintenance", "A", "R", "changes only via ECN"]),
      (S, ["Component procurement incl. obsolescence monitoring", "I", "R", "quarterly PCN/EOL report"]),
      (S, ["Stencil design and SMT programs", "-", "R", ""]),
      (S, ["First article inspection (FAI)", "A", "R", "form per Annex 3"]),
      (S, ["Functional test development (ICT/FCT)", "R", "C", "fixtures owned by Brightmoor"]),
      (S, ["Failure analysis of field returns", "C", "R", "8D report within 10 working days"]),
      (T, ["WEEE registration and reporting for the finished instruments", "R", "-", "Brightmoor is producer"]),
      (T, ["Export classification under the EU Dual-Use Regulation (EU) 2021/821", "R", "C", ""]),
      (N, ["Legend: R responsible, A approve, C consulted, I informed, - not involved", "", "", ""])]),
  ("p", S, "3.1 Supplier shall notify Brightmoor in writing at least 90 days before any change of process, site, material or sub-supplier affecting the assemblies."),
  ("h", "4. Records"),
  ("t", ["Record", "Retention period", "Medium"], [
      (S, ["Traveller / build records incl. rework", "10 years after last delivery", "electronic"]),
      (S, ["AOI and X-ray images of BGA joints", "3 years", "electronic"]),
      (S, ["Calibration records of test equipment", "5 years", "paper or electronic"]),
      (T, ["Records for conformity module D under the Measuring Instruments Directive 2014/32/EU", "10 years after the last instrument is placed on the market", "as required by the directive"])]),
  ("h", "Revision history"),
  ("t", ["Rev.", "Date", "Change", "Approved"], [
      (None, ["A", "2025-05-14", "First issue", "QA manager"]),
      (None, ["B", "2025-11-02", "Table in section 4 retention periods extended", "QA manager"])]),
]))

DOCS.append(dict(doc="tab2-spec-halvane-rectifier", industry="electronics", doc_type="technical_specification", blocks=[
  ("h", "TS-0431 Rectifier module PSU-48-1K5"),
  ("p", N, "1.1 This specification covers the 48 V rectifier module PSU-48-1K5 supplied to Halvane Networks."),
  ("h", "2. Application and environment"),
  ("kv", [(I, "Installation", "outdoor street cabinets, passive cooling, no air conditioning"),
          (I, "Ambient temperature at cabinet", "-33 °C to +46 °C, solar load up to 1,120 W/m²"),
          (I, "Altitude", "up to 2,000 m"),
          (I, "Mains", "230 V AC TN-S, rural grids with frequent sags and surges"),
          (I, "Installed base life", "12 years continuous operation"),
          (I, "Maintenance", "field technicians, one visit per year")]),
  ("h", "3. Characteristics"),
  ("t", ["Characteristic", "Requirement", "Test method", "CTQ"], [
      (S, ["Output voltage", "53.5 V DC ± 0.5 %", "TP-04", "yes"]),
      (S, ["Efficiency", "≥ 96 % at 50 % load", "TP-06", "yes"]),
      (S, ["Operating temperature", "-40 to +75 °C, derating above +55 °C", "IEC 60068-2-1 / -2", ""]),
      (S, ["Ingress protection", "IP20 module (cabinet IP55 provided by Halvane)", "n/a", ""]),
      (S, ["MTBF", "> 500,000 h (Telcordia SR-332, 40 °C)", "calc. report", ""])]),
  ("h", "7. Regulatory and standards"),
  ("t", ["Regulation / standard", "Applies", "Evidence"], [
      (T, ["Low Voltage Directive 2014/35/EU", "Yes", "EU DoC, test report EN 62368-1"]),
      (T, ["EMC Directive 2014/30/EU", "Yes", "EU DoC, reports EN 55032 Class B and EN 55035"]),
      (T, ["RoHS Directive 2011/65/EU incl. Delegated Directive (EU) 2015/863", "Yes", "EU DoC, material declaration"]),
      (T, ["WEEE Directive 2012/19/EU", "Yes", "crossed-out wheeled bin marking"]),
      (S, ["ETSI EN 300 132-2 (power supply interface)", "Yes", "test report"])]),
  ("p", S, "7.3 The supplier shall submit the complete test report package not later than design review DR3."),
]))

DOCS.append(dict(doc="tab2-rfq-brezina-humidity-sensors", industry="electronics", doc_type="rfq_tender", blocks=[
  ("h", "Request for Quotation"),
  ("p", N, "Brezina Climate Systems s.r.o. invite qualified suppliers to submit quotation for humidity and temperature sensor modules for our ventilation units."),
  ("kv", [(N, "RFQ number", "RFQ-2026-014"), (N, "Issue date", "12/01/2026"),
          (N, "Quotation due", "06/02/2026, 12:00 CET"), (N, "Offer validity", "min. 120 days"),
          (N, "Contact", "Purchasing, sourcing team electronics")]),
  ("h", "1. Quantity schedule"),
  ("t", ["Lot", "Part description", "EAU (pcs)", "Batch size", "First delivery"], [
      (S, ["Lot 1", "HT sensor module, I2C, 3.3 V, with 150 mm cable", "24,000", "2,000", "2026-06"]),
      (S, ["Lot 2", "HT sensor module, Modbus RTU, 24 V, IP65 housing", "6,500", "500", "2026-07"])]),
  ("kv", [(I, "Volume 2027 (estimate)", "30,000 pcs all lots"), (I, "Volume 2028 (estimate)", "38,000 pcs, growth in Nordic market")]),
  ("h", "2. Technical compliance matrix"),
  ("t", ["Requirement", "Brezina value", "Comply (Y/N)", "Comment"], [
      (S, ["Measuring range RH", "0–100 % RH", "", ""]),
      (S, ["Accuracy RH", "± 2 % RH (20–80 % RH, 25 °C)", "", ""]),
      (S, ["Condensation resistance", "after 1000 h at 85 °C / 85 % RH drift max 3 % RH", "", ""]),
      (I, ["Installation", "in supply air duct, air can contain dust and vapours of cleaning agents", "", ""]),
      (T, ["Conformity to RoHS 2011/65/EU and REACH SVHC declaration", "required", "", ""])]),
  ("h", "3. Evaluation"),
  ("t", ["Criterion", "Weight", "Remark"], [
      (N, ["Total cost of ownership (price, tooling, logistics)", "50 %", ""]),
      (N, ["Technical compliance", "25 %", "knock-out if accuracy not met"]),
      (N, ["Quality system and ppm history", "15 %", ""]),
      (N, ["Sustainability rating", "10 %", "EcoVadis or similar"])]),
  ("t", ["No", "Document to be submitted with offer", "Attached?"], [
      (N, ["1", "Filled price sheet (Annex B), per lot", ""]),
      (N, ["2", "Signed NDA", ""]),
      (N, ["3", "Copy of ISO 9001 certificate", ""])]),
  ("p", S, "Successful supplier must keep ISO 9001 certificate during whole contract period and inform Brezina about any loss of certification immediately."),
]))

DOCS.append(dict(doc="tab2-sow-tellmark-eol-testers", industry="electronics", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work: EOL test stations RCU-7"),
  ("p", N, "This Statement of Work describes design, build and installation of two end-of-line test stations for the radar control unit RCU-7 by Grenvik Test Engineering for Tellmark Electronics."),
  ("h", "1. Production data"),
  ("kv", [(I, "Production volume", "420,000 units/year, 3 shifts, 6 days"), (I, "Line cycle time", "38 s per unit"),
          (I, "Existing MES", "in-house MES v4.2, REST interface, serial numbers from DataMatrix"),
          (I, "Floor space", "4.0 x 2.5 m per station, height limit 2.4 m under crane rail")]),
  ("h", "2. Deliverables"),
  ("t", ["No.", "Deliverable", "Due", "Acceptance"], [
      (S, ["D1", "Concept and test coverage analysis", "2026-03-13", "approved by Tellmark test engineering"]),
      (S, ["D2", "Mechanical and electrical design review package", "2026-04-24", "design review minutes signed"]),
      (S, ["D3", "Test station 1 incl. fixtures, FAT at Grenvik", "2026-07-03", "FAT protocol, Cpk ≥ 1.67 on 30 parts x 3 runs"]),
      (S, ["D5", "Installation and SAT at Tellmark plant", "2026-09-11", "SAT protocol, 3 days run at rate"]),
      (S, ["D6", "Documentation (manuals, drawings, software source)", "with SAT", "German and English; source code in Tellmark repository"])]),
  ("h", "3. Payment milestones"),
  ("t", ["Milestone", "% of order value", "Condition"], [
      (S, ["M1 Order acceptance", "30 %", "against advance payment bond"]),
      (S, ["M2 FAT passed", "40 %", ""]),
      (S, ["M3 SAT passed", "20 %", ""]),
      (S, ["M4 End of warranty (24 months)", "10 %", "retention"])]),
  ("h", "4. Service levels"),
  ("t", ["Service", "Response time", "Remark"], [
      (S, ["Hotline during warranty", "4 h (Mon–Sat, 06:00–22:00)", ""]),
      (S, ["Spare parts availability", "10 years after SAT", "see 5.3"])]),
  ("h", "5. Further requirements"),
  ("p", T, "5.4 Each station shall be CE marked in accordance with the Machinery Directive 2006/42/EC, and the EU declaration of conformity shall be handed over at SAT."),
  ("p", S, "5.5 Tellmark will provide the golden samples and the test specification TS-RCU7-EOL revision C no later than 2026-02-27."),
]))

DOCS.append(dict(doc="tab2-msa-lumenfield-displays", industry="electronics", doc_type="master_supply_agreement", blocks=[
  ("h", "Annex 2 – Prices and lead times"),
  ("p", N, "This Annex 2 forms part of the Master Supply Agreement MSA-LS-2024-07 between Lumenfield Systems AB and Hsinmore Optronics Ltd."),
  ("t", ["Part no.", "Description", "Price USD (< 10k/yr)", "Price USD (≥ 10k/yr)", "MOQ", "Std lead time"], [
      (S, ["LF-DSP-070", "7-inch TFT 1024x600, 1000 nits, PCAP", "38.40", "35.90", "480", "12 weeks"]),
      (S, ["LF-DSP-101", "10.1-inch TFT 1280x800, optical bonding", "61.10", "57.25", "240", "14 weeks"]),
      (S, ["LF-DSP-156", "15.6-inch FHD, sunlight readable", "112.00", "104.50", "120", "16 weeks"])]),
  ("p", S, "2.3 Prices are fixed until 31 December 2026; thereafter Supplier may adjust prices once per calendar year by giving 90 days written notice, limited to the change of the panel price index."),
  ("p", S, "2.4 Supplier shall accept upside flexibility of +20 % within 4 weeks and +50 % within 8 weeks of the confirmed date."),
  ("h", "Annex 3 – Key performance indicators"),
  ("t", ["KPI", "Definition", "Target", "Escalation"], [
      (S, ["On-time delivery (OTD)", "qty delivered in window -3/+0 days vs. confirmed date", "≥ 97 %", "< 92 % two months in a row"]),
      (S, ["Quality ppm", "rejected / received parts x 10^6", "≤ 150 ppm", "> 500 ppm"]),
      (S, ["PCN notice", "advance notice of product or process change", "≥ 6 months", "last-time-buy offer mandatory"]),
      (N, ["Baseline 2025", "OTD 93.4 %, 210 ppm", "", ""])]),
  ("h", "Annex 4 – Compliance documents"),
  ("t", ["Document", "Frequency", "Basis"], [
      (T, ["CMRT (conflict minerals)", "yearly, by 31 March", "Lumenfield's reporting under Dodd-Frank Act Section 1502"]),
      (T, ["REACH SVHC declaration", "on each Candidate List update", "Regulation (EC) No 1907/2006, Art. 33"]),
      (S, ["IPC-1752A material declaration", "per new part number", "customer requirement"]),
      (S, ["Panel reliability report (HTOL, THB)", "yearly", "customer requirement"])]),
]))

DOCS.append(dict(doc="tab2-minutes-lindqvist-harness-gate", industry="electronics", doc_type="meeting_minutes", blocks=[
  ("h", "Minutes"),
  ("kv", [(N, "Meeting", "NPI gate review G2, chartplotter harness CP-9"), (N, "Date / place", "2026-01-22, video call"),
          (N, "Participants", "Lindqvist: project lead, SQE, purchasing; Pomorze: sales, quality, process engineering"),
          (N, "Minutes by", "Lindqvist SQE")]),
  ("p", N, "1. B-samples were delivered on 15 January; 3 of 50 harnesses failed the continuity test because of a mis-crimped terminal."),
  ("p", I, "2. The harnesses go under the console of 7 to 12 m leisure boats, where they see salt spray and bilge water."),
  ("p", S, "3. Pomorze confirmed that C-samples will be made with serial tooling and the serial process, PPAP level 3 to be submitted at G3."),
  ("h", "Actions"),
  ("t", ["No.", "Action", "Owner", "Due", "Status"], [
      (S, ["1", "Provide 8D report for mis-crimped terminals incl. crimp height data", "Pomorze quality", "29.01.2026", "open"]),
      (S, ["2", "Update drawing CP-9-H01 to rev. D: adhesive heat-shrink over splices", "Lindqvist PL", "05.02.2026", "open"]),
      (S, ["3", "Submit salt spray test report (IEC 60068-2-52, severity 2) for connectors", "Pomorze PE", "12.02.2026", "open"]),
      (S, ["4", "Deliver 30 pcs C-samples with 100 % pull test records", "Pomorze", "CW 9", "open"]),
      (N, ["5", "Send revised quotation for tinned copper wire", "Pomorze sales", "05.02.2026", "open"]),
      (N, ["6", "Circulate minutes to all participants", "Lindqvist SQE", "23.01.2026", "done"]),
      (N, ["7", "Book G3 gate review", "Lindqvist PL", "TBD", "open"]),
      (T, ["8", "Confirm RoHS and REACH declarations for the new heat-shrink material", "Pomorze quality", "12.02.2026", "open"])]),
]))

DOCS.append(dict(doc="tab2-spec-ardent-battery-pack", industry="electronics", doc_type="technical_specification", blocks=[
  ("h", "Specification BP-144: Li-ion battery pack 14.4 V"),
  ("h", "1. Use conditions"),
  ("kv", [(I, "Product use", "handheld GNSS survey rover, used outdoors by surveyors for a full working day"),
          (I, "Charging", "in vehicles from 12 V supply and with office chargers"),
          (I, "Climate", "field campaigns in desert and arctic regions"),
          (I, "Handling", "instruments fall regularly from pole height (2 m) onto rock or concrete")]),
  ("h", "4. Test plan"),
  ("t", ["Test", "Method", "Sample size", "Acceptance criteria", "Frequency"], [
      (S, ["Capacity", "discharge 0.2 C at 23 °C", "5", "≥ 6,800 mAh", "each lot"]),
      (S, ["Cycle life", "1C/1C, 23 °C", "3", "≥ 80 % capacity after 500 cycles", "qualification"]),
      (S, ["Drop test", "1.2 m on concrete, 6 faces", "3", "no leak, no fire, functional", "qualification"]),
      (T, ["UN 38.3 transport tests (UN Manual of Tests and Criteria)", "T1–T8", "per UN manual", "pass, test summary available for ADR / IATA DGR", "qualification and after design change"]),
      (S, ["Safety IEC 62133-2", "CB scheme", "per standard", "CB certificate", "qualification"]),
      (S, ["Outgoing OCV and impedance", "100 %", "all", "OCV 14.4–15.2 V, Ri < 120 mΩ", "every pack"])]),
  ("h", "5. Regulatory"),
  ("t", ["Regulation", "Requirement", "Evidence"], [
      (T, ["Battery Regulation (EU) 2023/1542", "labelling, CE marking, separate collection symbol", "DoC, label artwork"]),
      (T, ["Dangerous goods transport (IATA DGR PI 966)", "packed and declared as UN3481", "shipper's declaration"])]),
  ("p", S, "6.1 Cells shall be of the manufacturer and type approved in qualification, and any change of cell source requires written approval by Ardent."),
]))

# ---------------------------------------------------------------- medical devices
DOCS.append(dict(doc="tab2-po-meridal-catheter-tubing", industry="medical devices", doc_type="purchase_order", blocks=[
  ("h", "PURCHASE ORDER PO-0077314"),
  ("kv", [(N, "PO date", "14-Jan-2026"), (N, "Supplier", "Hollins Polymer Extrusion Ltd, supplier ID 30118"),
          (S, "Ship to", "Meridal Vascular Ltd, Warehouse B, controlled goods-in for cleanroom components"),
          (S, "Bill to", "Meridal Vascular Ltd, Finance / AP – quote PO number and line on every invoice"),
          (S, "Terms", "Net 60 days from invoice date"),
          (S, "Ship via", "express courier on Meridal account, ship Mon–Wed only"),
          (N, "Currency", "EUR, prices per metre")]),
  ("t", ["Line", "Item", "Rev", "Description", "Qty (m)", "Unit price", "Need by"], [
      (S, ["1", "MV-TB-0412", "C", "Pebax 72D tubing, ID 0.89 x OD 1.20 mm, natural", "12,000", "0.42", "20-Feb-2026"]),
      (S, ["2", "MV-TB-0415", "B", "Multi-lumen tubing, 3 lumen, PU 80A, 20 % BaSO4", "4,500", "1.95", "06-Mar-2026"]),
      (S, ["3", "MV-TB-0415", "B", "Multi-lumen tubing, 2nd delivery", "4,500", "1.95", "03-Apr-2026"])]),
  ("kv", [(N, "Order total (EUR, excl. VAT)", "22,590.00")]),
  ("h", "Notes"),
  ("p", S, "Each shipment must include a Certificate of Conformance and the lot-specific dimensional report per MV-QS-021."),
  ("p", S, "Tubing shall be coiled on 600 mm reels and double-bagged in PE, with not more than 300 m per reel."),
  ("p", I, "This tubing is used in single-use peripheral catheters which are ethylene oxide sterilised after assembly."),
  ("p", T, "Any change of resin grade or colorant requires our prior written approval, as it triggers a biological evaluation under Regulation (EU) 2017/745 (MDR)."),
  ("p", N, "This PO is subject to Meridal General Terms and Conditions of Purchase, revision 7."),
]))

DOCS.append(dict(doc="tab2-qa-sonnfeld-stapler-cmo", industry="medical devices", doc_type="quality_agreement", blocks=[
  ("h", "Quality Agreement – Annex 1 Responsibility matrix"),
  ("t", ["Process / activity", "Sonnfeld (legal manufacturer)", "Veldhaven (CMO)", "Note"], [
      (S, ["Design control, design history file", "R", "I", ""]),
      (S, ["Process validation (IQ/OQ/PQ) of pouch sealing", "A", "R", ""]),
      (S, ["Sterilisation validation EN ISO 11135 (EO)", "A", "R", "sub-contracted sterilizer approved by Sonnfeld"]),
      (S, ["Release of finished devices to market", "R", "-", ""]),
      (T, ["UDI-DI assignment and EUDAMED registration", "R", "-", "MDR Art. 27–29"]),
      (T, ["Serious incident reports to competent authority", "R", "C", "MDR Art. 87"]),
      (S, ["Complaint investigation of returned devices", "A", "R", "report within 15 working days"]),
      (T, ["Access for notified body unannounced audits", "I", "R", "MDR Annex IX section 3.4"]),
      (T, ["FDA establishment registration and listing (21 CFR 807)", "R", "R", "Veldhaven as contract manufacturer"]),
      (N, ["R = performs   A = approves   C = consulted   I = informed", "", "", ""])]),
  ("p", S, "5.2 Veldhaven shall not subcontract any process listed above without the prior written approval of Sonnfeld."),
  ("h", "Annex 2 CTQ characteristics"),
  ("t", ["CTQ", "Specification", "Inspection", "Sampling"], [
      (S, ["Pouch seal strength", "≥ 1.5 N/15 mm (EN 868-5)", "peel test each lot", "n=13, c=0"]),
      (S, ["Staple leg length", "3.5 +0.1/-0.05 mm", "optical CMM", "AQL 0.65"]),
      (S, ["Bioburden before sterilisation", "≤ 100 CFU/device", "quarterly", "n=10"])]),
  ("h", "Annex 3 Records"),
  ("t", ["Record", "Kept by", "Retention"], [
      (T, ["Technical documentation, EU declaration of conformity", "Sonnfeld", "15 years after last device placed on market (MDR Art. 10(8), implantable)"]),
      (S, ["Sterilisation load records", "Veldhaven", "15 years"])]),
  ("t", ["Function", "Company", "Date", "Signature"], [
      (N, ["Head of Quality Assurance", "Sonnfeld Medizintechnik GmbH", "", ""]),
      (N, ["Quality Manager", "Veldhaven Contract Sterile Services B.V.", "", ""])]),
]))

DOCS.append(dict(doc="tab2-spec-corvell-pump-keypad", industry="medical devices", doc_type="technical_specification", blocks=[
  ("h", "CS-2231 Membrane keypad, ambulatory infusion pump"),
  ("h", "2. Intended use and environment"),
  ("kv", [(I, "Intended use of pump", "ambulatory infusion of analgesics and chemotherapy, home and hospital"),
          (I, "Users", "patients at home incl. elderly with reduced dexterity; nurses wearing nitrile gloves"),
          (I, "Cleaning", "wiped several times a day with 70 % isopropanol and quaternary ammonium wipes"),
          (I, "Environment", "carried in a pouch on the body, 5–40 °C, up to 93 % RH non-condensing")]),
  ("h", "3. Requirements"),
  ("t", ["Req. ID", "Characteristic", "Requirement", "Verification"], [
      (S, ["KP-01", "Actuation force", "2.5 ± 0.5 N", "TM-12, n=32"]),
      (S, ["KP-03", "Life", "≥ 1,000,000 actuations per key, force change ≤ 20 %", "TM-14"]),
      (S, ["KP-04", "Chemical resistance", "no swelling, lifting or legend loss after 500 wipe cycles (agents App. B)", "TM-17"]),
      (S, ["KP-05", "ESD", "± 8 kV contact, ± 15 kV air (IEC 61000-4-2)", "test report"]),
      (S, ["KP-07", "Legend font", "per drawing CS-2231-01 sheet 2", "visual"])]),
  ("h", "5. Regulatory"),
  ("t", ["Requirement", "Applies", "Evidence"], [
      (T, ["Biocompatibility of user-contacting surfaces, EN ISO 10993-1 as harmonised standard under Regulation (EU) 2017/745", "Yes", "cytotoxicity, sensitisation, irritation reports"]),
      (T, ["RoHS 2011/65/EU, category 8 medical devices", "Yes", "EU declaration"]),
      (S, ["IEC 60601-1, clause 15 (construction)", "Yes", "data for pump CB test"])]),
  ("p", S, "4.1 Supplier shall build 50 pre-series keypads from production tooling for design verification of the pump."),
]))

DOCS.append(dict(doc="tab2-rfq-kvarnby-patient-monitors", industry="medical devices", doc_type="rfq_tender", blocks=[
  ("h", "Invitation to tender KRHA-2026-03: Patient monitoring systems"),
  ("p", N, "Kvarnby Regional Hospital Authority invites tenders for the supply, installation and 7-year service of patient monitoring systems for its three hospitals."),
  ("p", T, "Tenderers shall not be in any situation listed in Article 57 of Directive 2014/24/EU, and the ESPD shall be submitted with the tender."),
  ("h", "Schedule 1: Quantities"),
  ("t", ["Lot", "Item", "Quantity", "Delivery site", "Installed by"], [
      (S, ["Lot 1", "Bedside monitor, 15-inch touch, 5-lead ECG, SpO2, NIBP, 2x IBP", "64", "Kvarnby Central, ICU and cardiac ICU", "2026-09-30"]),
      (S, ["Lot 2", "Transport monitor, battery ≥ 4 h", "22", "all three sites", "2026-10-31"]),
      (S, ["Lot 3", "Telemetry transmitter ECG/SpO2", "120", "Eastvale and Lindmark", "30 Nov 2026"])]),
  ("h", "Schedule 2: Present situation"),
  ("kv", [(I, "Network", "separate medical VLAN, HL7 v2.5 interface engine in use"),
          (I, "Beds", "ICU 28, cardiac ICU 16, step-down 40"),
          (I, "Users", "ICU nurses on 12-hour shifts, many agency staff"),
          (I, "Installed monitors", "2011 generation, manufacturer support ends Dec 2026")]),
  ("h", "Schedule 3: Requirements"),
  ("t", ["Requirement", "M/D", "Response (Yes/No/Partly)", "Reference in tender"], [
      (S, ["Alarm system per IEC 60601-1-8 with configurable alarm levels", "M", "", ""]),
      (S, ["HL7 v2.5 ORU interface to the electronic patient record", "M", "", ""]),
      (T, ["CE marking under Regulation (EU) 2017/745, class IIb", "M", "", ""]),
      (S, ["On-site training of 250 clinical staff and 12 biomedical engineers", "M", "", ""]),
      (S, ["Critical fault response ≤ 4 h, 24/7", "M", "", ""]),
      (T, ["Data processing agreement per GDPR Art. 28", "M", "", ""])]),
  ("h", "Schedule 4: Award criteria"),
  ("t", ["Award criterion", "Weighting", "Sub-criteria"], [
      (N, ["Price (TCO over 7 years)", "40 %", "purchase, service, consumables"]),
      (N, ["Quality and functionality", "45 %", "clinical usability test, alarm handling"]),
      (N, ["Service and implementation plan", "15 %", ""])]),
  ("p", N, "Tenders shall remain valid for 6 months from the closing date."),
]))

DOCS.append(dict(doc="tab2-sow-brookvale-packaging-validation", industry="medical devices", doc_type="statement_of_work", blocks=[
  ("h", "SOW-14: Sterile barrier validation, bone screw and plate sets"),
  ("p", N, "This SOW is issued under the Master Services Agreement dated 2 September 2024 between Orvanta Orthopaedics and Brookvale Package Testing."),
  ("kv", [(I, "Product", "titanium bone screws and plates, supplied sterile (gamma, 25–40 kGy)"),
          (I, "Packaging", "double Tyvek/PETG blister in carton, 1 to 24 units"),
          (I, "Distribution", "worldwide by air and truck, incl. tropical markets"),
          (I, "Storage in hospitals", "uncontrolled storerooms, sometimes above 30 °C")]),
  ("t", ["Ref", "Deliverable", "Standard", "Due date"], [
      (S, ["1", "Validation protocol for the sterile barrier system", "EN ISO 11607-1/-2", "6 Mar 2026"]),
      (S, ["2", "Accelerated ageing to 5-year equivalent at 55 °C", "ASTM F1980", "start 16 Mar 2026"]),
      (S, ["3", "Distribution simulation, assurance level II", "ASTM D4169, DC 13", "April 2026"]),
      (S, ["4", "Final report signed by lab quality manager", "n/a", "4 weeks after last test"])]),
  ("t", ["Milestone", "Payment", "Invoiced on"], [
      (S, ["Protocol approved", "40 %", "approval by Orvanta QA"]),
      (S, ["Final report approved", "60 %", "QA approval"])]),
  ("kv", [(S, "Status reporting", "interim status report every 2 weeks by e-mail"),
          (S, "Deviations", "any test deviation reported to Orvanta within 1 working day")]),
  ("p", S, "Orvanta will supply 600 sterile packed samples from three production lots by 2 March 2026."),
  ("p", T, "7.2 Test data form part of Orvanta's technical documentation under Regulation (EU) 2017/745 and shall be retained by Brookvale for at least 10 years."),
  ("t", ["Role", "Orvanta", "Brookvale"], [
      (N, ["Project lead", "Packaging engineering", "Study director"]),
      (N, ["Quality", "QA validation", "Lab quality manager"])]),
]))

DOCS.append(dict(doc="tab2-msa-halcyon-spinal-implants", industry="medical devices", doc_type="master_supply_agreement", blocks=[
  ("h", "Annex C – Products, prices and lead times"),
  ("t", ["Article", "Description", "Material", "Annual forecast", "Unit price CHF", "Lead time (wks)"], [
      (S, ["HS-PS-4535", "Pedicle screw 4.5 x 35 mm, polyaxial", "Ti-6Al-4V ELI (ASTM F136)", "8,000", "21.40", "10"]),
      (S, ["HS-PS-5540", "Pedicle screw 5.5 x 40 mm, polyaxial", "Ti-6Al-4V ELI (ASTM F136)", "14,000", "22.10", "10"]),
      (S, ["HS-RD-5500", "Rod 5.5 x 500 mm, straight", "Ti-6Al-4V ELI", "2,500", "38.60", "12"]),
      (S, ["HS-SS-0100", "Set screw", "Ti-6Al-4V ELI", "22,000", "4.95", "8"])]),
  ("p", S, "C.2 Lead times apply from receipt of a purchase order, and Supplier shall hold a safety stock of 4 weeks' demand of finished parts for articles marked A."),
  ("h", "Annex D – Key performance indicators"),
  ("t", ["KPI", "Target", "Measured", "Consequence"], [
      (S, ["Delivery reliability (confirmed date ± 0 days)", "≥ 95 %", "monthly", "below 90 %: escalation meeting"]),
      (S, ["Complaint rate", "≤ 0.3 % of lots", "quarterly", "improvement plan in 30 days"]),
      (S, ["Documentation right first time (CoC, 3.1 certs, DHR)", "98 %", "monthly", ""]),
      (N, ["Baseline 2025", "OTD 91 %, complaints 0.5 %", "", ""])]),
  ("h", "Annex E – Regulatory"),
  ("kv", [(T, "FDA registration as contract manufacturer", "required, 21 CFR 807.20, kept current by Supplier"),
          (T, "Export declarations", "Supplier files export declarations from the Czech Republic under the Union Customs Code"),
          (S, "Material certificates", "EN 10204 3.1 with each lot")]),
]))

DOCS.append(dict(doc="tab2-minutes-auralis-cuvette-review", industry="medical devices", doc_type="meeting_minutes", blocks=[
  ("h", "Quarterly supplier quality review Q4/2025"),
  ("kv", [(N, "Date / place", "11 Dec 2025, Feldbach plant"),
          (N, "Attendees", "Auralis: SQE, purchasing; Feldbach: quality manager, plant manager"),
          (N, "Distribution", "attendees, Auralis QA file")]),
  ("p", I, "Auralis explained that the analyzers read absorbance at 340 nm through the cuvette wall, so flow lines and scratches in the optical window give false results."),
  ("t", ["KPI", "Target", "Q3", "Q4"], [
      (S, ["Cuvette reject rate", "≤ 250 ppm", "180 ppm", "410 ppm"]),
      (S, ["On-time delivery", "≥ 95 %", "97 %", "94 %"]),
      (S, ["Open 8Ds older than 30 days", "0", "1", "2"])]),
  ("t", ["#", "Action", "Who", "Due"], [
      (S, ["1", "Root cause analysis for scratches in optical window incl. gripper check", "Feldbach QM", "15 Jan 2026"]),
      (S, ["2", "Introduce 100 % camera inspection of optical window", "Feldbach", "31 Mar 2026"]),
      (S, ["3", "Send updated control plan and PFMEA", "Feldbach QM", "31 Jan 2026"]),
      (S, ["4", "Provide absorbance requirements and test method to Feldbach", "Auralis SQE", "19 Dec 2025"]),
      (T, ["5", "Provide CMR / endocrine disruptor declaration for the IVDR (EU) 2017/746 Annex I assessment", "Feldbach QM", "31 Jan 2026"]),
      (N, ["6", "Discuss 2026 price reduction request (-3 %) in separate meeting", "purchasing both", "Jan 2026"]),
      (N, ["7", "Minutes to be circulated", "Auralis SQE", "15 Dec 2025"])]),
]))

DOCS.append(dict(doc="tab2-po-stennard-bed-actuators", industry="medical devices", doc_type="purchase_order", blocks=[
  ("h", "Bestellung / Purchase order"),
  ("kv", [(N, "Bestellnummer / PO number", "4700213344"), (N, "Datum / Date", "27.01.2026"),
          (N, "Lieferant / Supplier no.", "70219"),
          (S, "Lieferbedingung / Delivery terms", "DAP Stennard Werk 2, Rampe 5 (Incoterms 2020)"),
          (S, "Zahlungsbedingung / Payment", "30 Tage 3 % Skonto, 60 Tage netto"),
          (S, "Verpackung / Packaging", "returnable box SCS-40, 12 actuators per box, no cardboard"),
          (N, "Ansprechpartner / Contact", "Einkauf Antriebstechnik")]),
  ("t", ["Pos", "Material", "Bezeichnung / Description", "Menge / Qty", "Preis / Price", "Liefertermin"], [
      (S, ["0010", "611-0042", "Linear actuator LA-34, 6000 N, stroke 300 mm, 24 V", "400 ST", "84,10 EUR", "16.03.2026"]),
      (S, ["0020", "611-0043", "Linear actuator LA-34, 4000 N, stroke 200 mm", "250 ST", "79,50 EUR", "16.03.2026"]),
      (S, ["0030", "611-0090", "Control box CB-6 with battery backup", "160 ST", "121,00 EUR", "30.03.2026"]),
      (S, ["0040", "611-0091", "Hand control 8 keys, IPX6", "160 ST", "22,80 EUR", "30.03.2026"])]),
  ("p", S, "Please deliver only with final test report for every serial number, send electronically before the goods arrive."),
  ("p", I, "Actuators are for intensive care beds, the beds are cleaned in washing tunnel with 80 °C water."),
  ("p", T, "Because the beds are medical devices under Regulation (EU) 2017/745, supplier must inform us before any change of component and keep the IEC 60601-1 test documentation available for the authorities."),
  ("p", S, "Delivery dates are dates of arrival in our plant."),
]))

DOCS.append(dict(doc="tab2-spec-eskerby-bloodline-connector", industry="medical devices", doc_type="technical_specification", blocks=[
  ("h", "Part specification ER-4410 Luer lock connector, blood line"),
  ("kv", [(I, "Application", "haemodialysis blood line, connects to fistula needle set"),
          (I, "Users", "dialysis nurses and patients on home dialysis"),
          (I, "Conditions of use", "single use, treatments up to 5 h, blood at 37 °C, -300/+500 mmHg"),
          (I, "Sterilisation", "EO, done by Eskerby at external sterilizer")]),
  ("t", ["Balloon", "Characteristic", "Nominal", "Tolerance", "Class", "Measuring method"], [
      (S, ["1", "Luer cone diameter 0.75 mm from tip", "3.925 mm", "± 0.02", "CC", "air gauge"]),
      (S, ["2", "Cone taper", "6 %", "± 0.05 %", "CC", "optical CMM"]),
      (S, ["3", "Thread major diameter", "6.95 mm", "+0.05/-0.10", "SC", "thread gauge"]),
      (S, ["4", "Wall thickness at tubing socket", "0.80 mm", "± 0.05", "SC", "CT (qualification), micrometer"]),
      (S, ["5", "Colour", "blue RAL 5015", "n/a", "-", "visual vs. master sample"]),
      (S, ["6", "Gate vestige", "≤ 0.1 mm, no sharp edge", "", "", "visual 10x"])]),
  ("p", S, "5.1 Dimensions marked CC shall be controlled with Cpk ≥ 1.67 and reported for each lot, and SC dimensions with Cpk ≥ 1.33 in the initial sample."),
  ("t", ["Requirement", "Basis", "Evidence"], [
      (T, ["EN ISO 80369-7 small-bore connectors", "harmonised standard, Regulation (EU) 2017/745", "test report"]),
      (T, ["CMR and endocrine disruptor content ≤ 0.1 % w/w", "MDR Annex I, 10.4.1", "material declaration"]),
      (S, ["Quality management system ISO 13485:2016", "Eskerby requirement", "certificate"])]),
]))

# ---------------------------------------------------------------- pharmaceuticals
DOCS.append(dict(doc="tab2-po-castellan-excipients", industry="pharmaceuticals", doc_type="purchase_order", blocks=[
  ("h", "Purchase Order CP/PO/26/00412"),
  ("kv", [(N, "Date", "9 February 2026"), (N, "Supplier", "Ravensholm Chemicals Ltd (approved supplier S-0219)"),
          (S, "Deliver to", "Castellan Pharma Ltd, Raw Materials Warehouse, Bay 2 – deliveries 07:00-14:00 Mon-Thu"),
          (S, "Invoice to", "Castellan Pharma Ltd, Accounts Payable; invoice to quote PO and supplier batch numbers"),
          (S, "Payment", "30 days from end of month of invoice"),
          (S, "Incoterms", "CPT Castellan site (Incoterms 2020), temperature-monitored vehicle 15–25 °C")]),
  ("t", ["Item", "Material code", "Description", "Spec", "Qty (kg)", "Price GBP/kg", "Required"], [
      (S, ["1", "RM-1004", "Microcrystalline cellulose, type 102", "RM-1004-S v6", "2,000", "4.85", "02/03/2026"]),
      (S, ["2", "RM-1011", "Magnesium stearate, vegetable origin", "RM-1011-S v4", "150", "9.20", "02/03/2026"]),
      (S, ["3", "RM-1020", "Croscarmellose sodium", "RM-1020-S v2", "400", "12.40", "16/03/2026"])]),
  ("kv", [(N, "Order value", "GBP 16,040.00 net")]),
  ("p", T, "2.1 Materials shall comply with the current European Pharmacopoeia monographs, and each Certificate of Analysis shall state this compliance."),
  ("p", S, "2.2 Each container shall carry the supplier batch number, the manufacturer batch number, the retest date and our PO number."),
  ("p", I, "2.3 The materials go into direct compression on a rotary press running at 250,000 tablets per hour."),
]))

DOCS.append(dict(doc="tab2-qa-elmsworth-pradera-cmo", industry="pharmaceuticals", doc_type="quality_agreement", blocks=[
  ("h", "Technical Agreement (GMP)"),
  ("p", N, "This Technical Agreement is concluded to satisfy Chapter 7 of the EU GMP Guide between Elmsworth Therapeutics Ltd (Contract Giver) and Pradera Contract Pharma SL (Contract Acceptor)."),
  ("h", "Appendix A: Responsibilities"),
  ("t", ["Responsibility", "Contract Giver", "Contract Acceptor", "Remarks"], [
      (S, ["Approval of executed batch manufacturing record", "A", "R", ""]),
      (S, ["Purchase and testing of excipients and packaging materials", "I", "R", "only from Elmsworth approved suppliers list"]),
      (S, ["Supply of API with CoA", "R", "I", "DDP Pradera"]),
      (T, ["Certification and release of each batch by the Qualified Person (Directive 2001/83/EC Art. 51)", "R", "-", "QP of Elmsworth"]),
      (T, ["QP confirmation of GMP compliance of manufacturing steps", "I", "R", "EU GMP Annex 16"]),
      (S, ["Ongoing stability, 1 batch per year and strength", "A", "R", "stability protocol SP-114"]),
      (S, ["Deviations and CAPA", "A", "R", "major deviations notified within 2 working days"]),
      (T, ["Product quality review", "A", "R", "EU GMP Chapter 1.10; data by 31 January"]),
      (T, ["Quality defect and recall reporting to competent authorities", "R", "C", ""]),
      (T, ["Manufacturing and importation authorisation for the site", "-", "R", "kept valid"]),
      (N, ["R: responsible; A: approves; C: to be consulted; I: kept informed; -: no role", "", "", ""])]),
  ("p", S, "6.3 Pradera shall not subcontract any analytical testing to a third party without written approval of Elmsworth."),
  ("h", "Appendix B: Retention"),
  ("t", ["Document", "Retention", "Responsible"], [
      (T, ["Batch documentation", "1 year after batch expiry or 5 years after QP certification, whichever is longer (EU GMP 4.10)", "Pradera"]),
      (S, ["Training records of involved staff", "5 years", "Pradera"])]),
  ("t", ["Approved for", "Function", "Date"], [
      (N, ["Elmsworth Therapeutics Ltd", "Head of Quality", ""]),
      (N, ["Pradera Contract Pharma S.L.", "Director Calidad / Quality Director", ""])]),
]))

DOCS.append(dict(doc="tab2-spec-morvane-lidding-foil", industry="pharmaceuticals", doc_type="technical_specification", blocks=[
  ("h", "PM-0317 Aluminium lidding foil 20 µm, heat-seal lacquered"),
  ("kv", [(N, "Specification", "PM-0317, version 05"), (N, "Effective date", "01-Mar-2026"),
          (N, "Supersedes", "version 04")]),
  ("kv", [(I, "Product packed", "moisture-sensitive film-coated tablets in PVC/PVDC 90 gsm blisters"),
          (I, "Packaging line", "flat-plate blister machine, 180 blisters/min, sealing at 160–180 °C"),
          (I, "Markets", "EU and Gulf countries, climatic zone IVb")]),
  ("t", ["Test", "Specification", "Method", "Sampling"], [
      (S, ["Foil thickness", "20 µm ± 8 %", "MS-017 micrometer", "5 per reel"]),
      (S, ["Pinholes", "≤ 5 per m², none > 0.1 mm", "light table", "10 m² per lot"]),
      (S, ["Seal strength to PVC/PVDC", "≥ 6 N/15 mm", "ASTM F88", "per lot"]),
      (S, ["Print", "per artwork AW-0317-03, legible after sealing", "100 % camera at supplier", "all reels"])]),
  ("t", ["Regulatory requirement", "Document", "Frequency"], [
      (T, ["Regulation (EC) No 1935/2004 and (EU) No 10/2011 for heat-seal lacquer", "declaration of compliance", "each new version"]),
      (T, ["Directive 94/62/EC heavy metals, sum ≤ 100 ppm", "declaration", "yearly"]),
      (S, ["ISO 15378 certificate (primary packaging GMP)", "certificate copy", "on renewal"])]),
  ("p", S, "8.1 Supplier shall notify Morvane at least 6 months before any change of lacquer, ink, aluminium source or production site."),
  ("t", ["Version", "Date", "Change"], [
      (None, ["05", "2026-02-10", "pinhole limit tightened, camera inspection added"]),
      (None, ["04", "2023-07-19", "new artwork reference"])]),
]))

DOCS.append(dict(doc="tab2-rfq-selvane-clinical-distribution", industry="pharmaceuticals", doc_type="rfq_tender", blocks=[
  ("h", "Request for Proposal: Clinical supply distribution, study SLV-301"),
  ("p", N, "Selvane Biologics requests proposals for temperature-controlled storage and distribution of investigational medicinal products for its Phase III study SLV-301."),
  ("kv", [(I, "Investigator sites", "142 sites in 18 countries, 6 of them outside the EU"),
          (I, "Shipments", "about 3,600 over 30 months, peak 220 per month in Q2 2027"),
          (I, "Temperature ranges", "2–8 °C (85 % of shipments), 15–25 °C (15 %)"),
          (I, "Current set-up", "one central depot in Belgium, no regional depots")]),
  ("t", ["No", "Requirement", "Comply Y/N", "Comment"], [
      (T, ["1", "Wholesale distribution or IMP authorisation for each depot (Directive 2001/83/EC Art. 77 or national law)", "", ""]),
      (T, ["2", "Storage and transport per EU GDP Guidelines 2013/C 343/01", "", ""]),
      (T, ["3", "Supplier acts as importer of record and files customs declarations for non-EU sites", "", ""]),
      (S, ["4", "Qualified passive shippers 2–8 °C, 120 h, summer and winter profile", "", ""]),
      (S, ["5", "Temperature logger in every shipper, data uploaded within 24 h of delivery", "", ""]),
      (S, ["6", "Excursions reported to Selvane within 1 working day", "", ""]),
      (S, ["7", "EU sites delivered within 48 h of release", "", ""])]),
  ("t", ["Criterion", "Weight", "Scoring"], [
      (N, ["Price (rate card, Annex 3)", "35 %", "lowest price 100 points"]),
      (N, ["Quality and GDP compliance", "30 %", "audit and questionnaire"]),
      (N, ["Network and lead times", "25 %", ""]),
      (N, ["References in clinical supply", "10 %", ""])]),
  ("kv", [(N, "Proposal due", "20 March 2026, 17:00 CET"), (N, "Completed rate card (Annex 3, all lanes)", "required with proposal")]),
]))

DOCS.append(dict(doc="tab2-sow-kalvik-method-transfer", industry="pharmaceuticals", doc_type="statement_of_work", blocks=[
  ("h", "SOW: Analytical method transfer BP-118 tablets"),
  ("p", I, "BP-118 is a narrow-therapeutic-index anticoagulant, and batches are released to 14 EU markets."),
  ("t", ["Step", "Deliverable", "Responsible", "Target date"], [
      (S, ["1", "Transfer protocol with acceptance criteria", "Kalvik (draft), Brennmoor QC (approval)", "wk 10/2026"]),
      (S, ["2", "Reference standards and samples of 3 batches", "Brennmoor", "wk 11/2026"]),
      (S, ["3", "Training of Kalvik analysts, 2 days at Brennmoor", "Brennmoor QC", "wk 12/2026"]),
      (S, ["4", "Comparative testing, 3 batches x 2 analysts x 2 days", "Kalvik", "wk 13–15/2026"]),
      (S, ["5", "Transfer report with statistical evaluation", "Kalvik", "wk 17/2026"])]),
  ("t", ["Test", "Parameter", "Acceptance criterion"], [
      (S, ["Assay", "difference of means vs. sending lab", "≤ 2.0 %"]),
      (S, ["Assay", "RSD of 6 determinations", "≤ 1.5 %"]),
      (S, ["Related substances", "absolute difference, impurities ≥ 0.10 %", "≤ 0.05 %"])]),
  ("t", ["Milestone", "Fee EUR", "Invoice"], [
      (S, ["Protocol approved", "6,500", "on approval"]),
      (S, ["Report approved", "14,800", "on QA approval of report"]),
      (N, ["Total", "21,300", ""])]),
  ("p", T, "6.1 All work shall be performed in compliance with EU GMP Part I Chapter 6, and Kalvik shall permit inspections of its laboratory by competent authorities."),
  ("p", S, "6.2 Out-of-specification results shall be investigated per Kalvik SOP QC-041 and reported to Brennmoor within one working day."),
  ("p", N, "6.3 This SOW is governed by the Master Service Agreement between the parties, which prevails in case of conflict."),
]))

DOCS.append(dict(doc="tab2-msa-harwick-api-schedules", industry="pharmaceuticals", doc_type="master_supply_agreement", blocks=[
  ("h", "Schedule 3 – Prices, lead times and forecast"),
  ("t", ["Product", "Regulatory file", "Pack", "Price USD/kg", "Lead time"], [
      (S, ["Metformin hydrochloride, DC grade", "CEP held by Harwick", "25 kg fibre drum, double LDPE liner", "6.40", "8 weeks"]),
      (S, ["Losartan potassium", "US DMF type II", "25 kg fibre drum", "41.00", "10 weeks"]),
      (S, ["Amlodipine besylate", "CEP + US DMF", "10 kg HDPE drum", "118.50", "10 weeks"])]),
  ("p", S, "3.2 Above prices are valid for orders placed until 31.12.2026 and are on FOB Nhava Sheva basis."),
  ("t", ["Quarter", "Metformin (t)", "Losartan (kg)", "Amlodipine (kg)", "Status"], [
      (S, ["Q2 2026", "42", "1,000", "250", "firm, PO issued"]),
      (I, ["Q3 2026", "40", "1,200", "300", "non-binding forecast"]),
      (I, ["Q4 2026", "36", "1,500", "350", "non-binding forecast"])]),
  ("h", "Schedule 4 – Service levels"),
  ("t", ["Service", "Level", "Remedy"], [
      (S, ["Delivery on time (± 5 days of confirmed date)", "95 % of lines", "below 90 % two quarters: supplier pays expediting cost"]),
      (S, ["CoA and batch documents before shipment", "100 %", "shipment on hold"]),
      (S, ["Notification of change of site, route of synthesis or key starting material", "12 months in advance", ""]),
      (T, ["Nitrosamine risk evaluation per EMA Article 5(3) opinion", "updated on every process change", ""]),
      (T, ["Written confirmation for API import into the EU (Directive 2001/83/EC Art. 46b)", "with every shipment", ""]),
      (T, ["DMF annual reports to FDA (21 CFR 314.420)", "every year", "copy of acknowledgement to Lydstone"])]),
  ("p", N, "3.5 Schedule 3 may be amended only by written agreement of both parties."),
]))

DOCS.append(dict(doc="tab2-minutes-aldermoor-fill-finish-transfer", industry="pharmaceuticals", doc_type="meeting_minutes", blocks=[
  ("h", "Tech transfer steering committee #4"),
  ("kv", [(N, "Date / location", "2026-02-05, Severin site, room B2.11"),
          (N, "Present", "Aldermoor: project manager, QA, MSAT; Severin: project manager, QA, production"),
          (None, "Minutes", "Severin PM")]),
  ("p", I, "Aldermoor confirmed the commercial demand forecast of 180,000 vials in 2027 rising to 420,000 vials in 2029."),
  ("p", S, "Average fill volume on the engineering run was 1.07 mL against the target of 1.05–1.10 mL."),
  ("t", ["ID", "Action", "Responsible", "Due date", "Status"], [
      (S, ["A-12", "Send updated stopper specification incl. siliconisation limit", "Aldermoor MSAT", "13-Feb-26", "open"]),
      (T, ["A-13", "Complete aseptic process simulation (3 media fills) on line 3 as required by EU GMP Annex 1 before PPQ", "Severin production", "31-Mar-26", "open"]),
      (S, ["A-14", "Provide extractables study report for the sterilising filter", "Severin QA", "28-Feb-26", "open"]),
      (S, ["A-15", "Agree PPQ protocol, 3 consecutive batches", "both", "15-Mar-26", "open"]),
      (N, ["A-16", "Commercial proposal for 2027 capacity reservation", "Severin BD", "20-Feb-26", "open"]),
      (N, ["A-17", "Set date for SC #5", "Severin PM", "12-Feb-26", "open"]),
      (T, ["A-18", "Assess whether the site change needs a Type II variation (Regulation (EC) No 1234/2008)", "Aldermoor RA", "28-Feb-26", "open"])]),
  ("p", N, "Next meeting: 12 March 2026, video conference."),
]))

DOCS.append(dict(doc="tab2-qa-bothnia-gdp-3pl", industry="pharmaceuticals", doc_type="quality_agreement", blocks=[
  ("h", "GDP Quality Agreement, Annex 1"),
  ("t", ["Activity", "Norrland Generics", "Bothnia Logistics"], [
      (S, ["Receipt and quarantine of incoming goods", "I", "R"]),
      (S, ["Release for sale after batch certification", "R", "-"]),
      (S, ["Temperature mapping of warehouse", "A", "R"]),
      (S, ["Returns handling incl. assessment for resale", "A", "R"]),
      (T, ["Recall execution and notification to the Medical Products Agency", "R", "C"]),
      (T, ["Wholesale distribution authorisation under the Medicinal Products Act (2015:315)", "-", "R"]),
      (S, ["Self-inspection programme", "I", "R"]),
      (N, ["R = executes, A = approves, C = consulted, I = informed, - = none", "", ""])]),
  ("h", "Annex 2 Service levels"),
  ("t", ["KPI", "Target", "Reporting"], [
      (S, ["Order lines dispatched same day (orders in by 14:00)", "≥ 99.5 %", "monthly"]),
      (S, ["Temperature excursions in storage", "0", "immediately, deviation report within 24 h"]),
      (S, ["Inventory accuracy (cycle count)", "≥ 99.8 %", "quarterly"])]),
  ("kv", [(I, "Product range", "310 SKUs, 42 of them refrigerated 2–8 °C, 6 controlled substances"),
          (I, "Volumes", "approx. 9,000 order lines per week, peaks before Midsummer and Christmas")]),
  ("p", T, "7.1 Controlled substances shall be stored and recorded as required by the Act on Control of Narcotic Drugs (1992:860)."),
]))

DOCS.append(dict(doc="tab2-spec-pellham-monitoring-urs", industry="pharmaceuticals", doc_type="technical_specification", blocks=[
  ("h", "URS-0094 Continuous environmental monitoring system, building 4"),
  ("p", N, "1.1 This URS covers supply, installation and qualification of a continuous environmental monitoring system (EMS)."),
  ("kv", [(I, "Areas", "Grade A/B filling suite (2 lines), 14 grade C/D rooms, 6 cold rooms 2–8 °C"),
          (I, "Infrastructure", "site LAN with OT VLAN; no Wi-Fi permitted in grade A/B"),
          (I, "Operation", "24/7 production, alarms handled by shift supervisor at night")]),
  ("t", ["ID", "Requirement", "Priority", "Test"], [
      (S, ["URS-01", "Continuous particle counting at 0.5 and 5.0 µm in grade A, 1 min sampling", "M", "OQ"]),
      (S, ["URS-02", "Differential pressure between rooms, resolution 0.1 Pa", "M", "OQ"]),
      (S, ["URS-03", "Alarm by SMS and to control room within 60 s, escalation after 10 min", "M", "OQ/PQ"]),
      (T, ["URS-04", "Audit trail, e-signatures and access control per 21 CFR Part 11 and EU GMP Annex 11", "M", "CSV"]),
      (S, ["URS-05", "No data loss during 72 h network outage (sensor buffering)", "D", "OQ"])]),
  ("t", ["Deliverable", "Supplier", "Pellham"], [
      (S, ["Functional design specification", "R", "A"]),
      (S, ["IQ/OQ protocols and execution", "R", "A"]),
      (S, ["PQ", "C", "R"])]),
  ("t", ["Regulation / guideline", "Applies", "Comment"], [
      (T, ["EU GMP Annex 1 (2022), continuous monitoring of grade A", "Yes", ""]),
      (S, ["GAMP 5 second edition, category 4", "Yes", "supplier's software life cycle"])]),
]))

DOCS.append(dict(doc="tab2-po-ostervik-cartons-leaflets", industry="pharmaceuticals", doc_type="purchase_order", blocks=[
  ("h", "Purchase order 3100045521"),
  ("kv", [(N, "Order date", "2026-02-16"), (N, "Our reference", "Packaging materials purchasing"),
          (S, "Delivery terms", "DAP Turku, Incoterms 2020, packaging warehouse"),
          (S, "Terms of payment", "21 days net"),
          (S, "Packing instructions", "cartons flat on EUR pallets, max height 1.2 m, one artwork version per pallet")]),
  ("t", ["Row", "Item code", "Description", "Artwork version", "Quantity", "Delivery week"], [
      (S, ["1", "PK-C-5530", "Folding carton Oxaprin 500 mg x 30, FI/SE", "AW 5530-07", "60 000", "12/2026"]),
      (S, ["2", "PK-C-5531", "Folding carton Oxaprin 500 mg x 100, FI/SE", "AW 5531-04", "18 000", "12/2026"]),
      (S, ["3", "PK-L-5530", "Patient leaflet, folded to 35 x 80 mm", "AW 5530L-09", "80 000", "11/2026"])]),
  ("kv", [(N, "Total amount", "9 880,00 EUR")]),
  ("p", T, "Cartons must have the unique identifier area and anti-tampering device according to Commission Delegated Regulation (EU) 2016/161, as in approved artwork."),
  ("p", S, "Each delivery must include certificate of conformity with results of 100 % camera inspection of Braille and pharmacode."),
  ("p", I, "The cartons are erected on our cartoner at 180 cartons per minute, and warped cartons stop the line."),
]))
