# Batch tab1: table-heavy documents, industries machined parts / automotive / aerospace and defence.
S, I, T, N = "specified", "implied", "statutory", "none"
MP, AU, AD = "machined parts", "automotive", "aerospace and defence"

DOCS = []

# ---------------------------------------------------------------- machined parts
DOCS.append(dict(doc="tab1-po-kessler-output-shafts", industry=MP, doc_type="purchase_order", blocks=[
  ("h", "Purchase Order PO-26-01187"),
  ("kv", [(N, "Purchase order no.", "PO-26-01187"), (N, "Rev.", "0"), (N, "Date", "03.02.2026"),
          (N, "Vendor no.", "700412"),
          (N, "Our contact", "Purchasing dept., strategic buyer machined parts"),
          (S, "Delivery terms", "FCA Gliwice, Incoterms® 2020, loaded on truck"),
          (S, "Terms of payment", "30 days 2 % discount, 60 days net"),
          (S, "Ship to", "Plant 2, Goods Receipt Gate B, Industriestr. 14, 74321 Bietigheim"),
          (N, "Currency", "EUR"),
          (I, "End use", "Yaw drive gearboxes for offshore wind turbines, 25 years design life")]),
  ("p", S, "Please confirm this order within 3 working days with binding delivery dates."),
  ("h", "1 Order positions"),
  ("t", ["Pos", "Material no.", "Description", "Drg./Idx", "Qty", "Price/100 pcs", "Delivery"], [
      (S, ["10", "3300-118-04", "Output shaft Ø32 h6, 42CrMo4+QT", "3300-118 / C", "2.400 pcs", "1.284,00", "KW 12/2026"]),
      (S, ["20", "3300-119-01", "Intermediate shaft, 16MnCr5 case hardened", "3300-119 / A", "1.200 pcs", "967,50", "KW 12/2026"]),
      (S, ["30", "3300-121-02", "Spacer ring, C45", "3300-121 / B", "5.000 pcs", "88,20", "KW 14/2026"]),
      (N, ["", "", "Total net value", "", "", "", "EUR 89.763,60"])]),
  ("h", "2 Additional conditions"),
  ("p", S, "2.1 Parts to be delivered in the KLT 4314 returnable containers provided by us, maximum 15 kg per container."),
  ("p", S, "2.2 Each delivery must have a 3.1 inspection certificate according to EN 10204 for the raw material."),
  ("p", T, "2.3 Steel bar from outside the EU is subject to CBAM; the Supplier shall provide the embedded emissions data required under Regulation (EU) 2023/956 for each heat."),
]))

DOCS.append(dict(doc="tab1-po-brannock-valve-bodies", industry=MP, doc_type="purchase_order", blocks=[
  ("h", "BLANKET PURCHASE ORDER"),
  ("kv", [(N, "Blanket PO", "BPO 2026-0417"), (N, "Revision", "2 (qty change line 1)"),
          (N, "Supplier", "Carrow Precision Machining, Inc. - Supplier #10388"),
          (S, "F.O.B.", "Destination, freight prepaid"),
          (S, "Terms", "Net 45"),
          (S, "Bill To", "Accounts Payable, Brannock Fluid Controls, P.O. Box 2290, Tulsa OK 74101"),
          (N, "Page", "1 of 2")]),
  ("t", ["Line", "Part No. / Rev", "Description", "Release Qty", "Due Dock", "Unit Price", "Ext."], [
      (S, ["1", "BV-2207 / D", "Valve body, 6061-T6, anodize Type II", "350", "03/09/26", "$41.80", "$14,630.00"]),
      (S, ["3", "BV-2209 / B", "Bonnet, 6061-T6, chem film MIL-DTL-5541 Cl. 3", "700", "03/09/26", "$12.15", "$8,505.00"]),
      (S, ["4", "BV-3015 / A", "Body, 316 SS, passivate per ASTM A967", "120", "04/20/26", "$118.40", "$14,208.00"]),
      (N, ["", "", "", "", "", "Subtotal", "$51,973.00"])]),
  ("p", [S, S], "All releases are firm. Deliver no more than 5 days early; early shipments may be returned at supplier expense."),
  ("h", "Quality notes"),
  ("t", ["Note code", "Requirement", "Applies"], [
      (S, ["Q1", "Certificate of Conformance with each shipment, signed by Quality", "X"]),
      (S, ["Q3", "Mill test reports traceable to heat number", "X"]),
      (S, ["Q7", "First article inspection report required on first release of each rev", "X"]),
      (T, ["E2", "Supplier to furnish CMRT data for Brannock's conflict minerals filing under Section 1502 Dodd-Frank Act", "X"]),
      (I, ["A1", "Bodies go into wellhead valves for sour gas service, H2S present", ""]),
      (N, ["Q0", "Codes not listed on this PO do not apply", ""])]),
]))

DOCS.append(dict(doc="tab1-qa-ostrava-hydraulic-blocks", industry=MP, doc_type="quality_agreement", blocks=[
  ("h", "Quality Assurance Agreement - Annex 2: Responsibility matrix"),
  ("p", N, "This annex define who is responsible for each quality activity between Velmont Hydraulics as customer and OPO Precision as supplier."),
  ("t", ["Activity", "Customer", "Supplier", "Remark"], [
      (S, ["Control plan creation and update", "I", "R", "acc. AIAG format"]),
      (S, ["Approval of control plan", "A", "C", ""]),
      (S, ["Gauge R&R for CTQ gauges", "", "R", "%GRR < 10 %"]),
      (S, ["Incoming raw material inspection", "", "R", "3.1 cert check + PMI for stainless"]),
      (S, ["Supply of drawings and 3D models", "R", "", "via supplier portal"]),
      (S, ["8D for customer complaints", "C", "R", "D3 within 24 h, D8 within 30 days"]),
      (S, ["Heat treatment subcontractor approval", "A", "R", "CQI-9 assesment"]),
      (T, ["Disposal of used cutting fluids and oily swarf as hazardous waste", "", "R", "acc. Czech Waste Act No. 541/2020 Coll."]),
      (N, ["R = responsible, A = approval, C = consulted, I = informed, empty = not involved", "", "", ""])]),
  ("h", "Annex 1: Customer production data"),
  ("kv", [(I, "Customer assembly", "Blocks are assembled with cartridge valves on automatic line, approx. 1,200 blocks per day"),
          (I, "End market", "Forestry and construction machines, used also in -35 °C nordic winter")]),
  ("h", "Annex 3: Record retention"),
  ("t", ["Record", "Retention period", "Storage"], [
      (S, ["Production control records (SPC charts)", "15 years after end of delivery", "electronic, supplier"]),
      (S, ["PPAP / initial sample documents", "lifetime of part + 15 y", "customer portal + supplier"]),
      (T, ["Accounting documents related to deliveries", "10 years as required by the Czech Accounting Act", "supplier"])]),
  ("p", S, "5.3 Supplier shall inform customer in writing minimum 6 weeks before any change of process, material or production location."),
  ("p", S, "5.4 Requalification after a change is in responsibility of Supplier and the costs are born by Supplier."),
]))

DOCS.append(dict(doc="tab1-spec-tarrant-valve-manifold", industry=MP, doc_type="technical_specification", blocks=[
  ("h", "Technical Specification TS-HM-0062"),
  ("kv", [(N, "Document", "TS-HM-0062"), (N, "Revision", "C"), (N, "Status", "Released 2025-11-28")]),
  ("h", "2 Application"),
  ("t", ["Parameter", "Value", "Note"], [
      (I, ["Application", "Valve manifold for mobile crane slewing circuit", ""]),
      (I, ["Max. system pressure", "350 bar, peaks 420 bar", "pressure spikes at load release"]),
      (I, ["Fluid", "HLP 46 mineral oil, cleanliness ISO 4406 18/16/13", ""]),
      (I, ["Ambient", "-30 °C to +50 °C, outdoor, salt spray in coastal ports", ""]),
      (I, ["Expected operating time", "approx. 2,000 h per year over 20 years", "crane owner data"])]),
  ("h", "3 Characteristics"),
  ("t", ["No.", "Characteristic", "Nominal", "Tolerance", "Class", "Check"], [
      (S, ["1", "Bore Ø20 H7 (cartridge cavity)", "20.000", "+0.021/0", "CC", "100 % air gauge"]),
      (S, ["2", "Surface finish cartridge bore", "Ra 0.8", "max", "SC", ""]),
      (S, ["3", "Flatness mounting face", "0.02", "-", "SC", "CMM 1/50"]),
      (S, ["4", "Port thread SAE J1926 3/4-16 UNF", "-", "2B", "", "Go/NoGo"]),
      (S, ["5", "Material", "EN-GJS-400-15 or 6082-T6 per customer release", "", "", "cert 3.1"]),
      (S, ["7", "Cleanliness", "max 3 mg / part, no particle > 600 µm", "ISO 16232", "SC", "1 per lot"])]),
  ("h", "4 Tests"),
  ("t", ["Test", "Requirement", "Frequency"], [
      (S, ["Proof pressure", "525 bar 60 s, no leakage", "100 %"]),
      (S, ["Burst test", "≥ 1,400 bar", "qualification, 3 pcs"]),
      (S, ["Corrosion (salt spray ISO 9227 NSS)", "480 h no red rust on zinc-nickel surfaces", "qualification"])]),
  ("h", "5 Legal requirements"),
  ("t", ["Regulation", "Applies", "Evidence"], [
      (T, ["Machinery Regulation (EU) 2023/1230", "Yes - manifold is part of partly completed machinery", "data for declaration of incorporation"]),
      (T, ["REACH Regulation (EC) No 1907/2006, Art. 33", "Yes", "SVHC declaration and SCIP number"])]),
  ("p", S, "6.1 Deviations from this specification require written approval by Tarrant engineering before shipment."),
]))

DOCS.append(dict(doc="tab1-rfq-lindqvist-turned-fittings", industry=MP, doc_type="rfq_tender", blocks=[
  ("h", "Request for Quotation - turned brass fittings"),
  ("kv", [(N, "RFQ no.", "LM-RFQ-2026-014"), (N, "Issue date", "9 Feb 2026"),
          (N, "Closing date for quotes", "6 March 2026, 12:00 CET"),
          (N, "Validity of offer", "minimum 90 days"),
          (I, "Call-off pattern", "Boat building season Jan-May, about 70 % of yearly call-offs fall in this period")]),
  ("p", N, "Lindqvist Marin AB invites suppliers to quote for the turned fittings listed below for the period 2026-2028."),
  ("p", I, "The fittings are installed below the waterline in leisure boats and are permanently exposed to seawater."),
  ("t", ["Item", "Article no.", "Description", "Material", "Lot size", "Call-off qty/yr"], [
      (S, ["1", "LM-4410", "Through-hull fitting 3/4\"", "CW625N (DZR brass)", "1,000", "12,000"]),
      (S, ["2", "LM-4412", "Through-hull fitting 1\"", "CW625N", "1,000", "9,500"]),
      (S, ["3", "LM-4420", "Hose tail 19 mm", "CW625N", "2,500", "30,000"]),
      (S, ["4", "LM-4431", "Ball valve body 1\"", "CW625N, forged + machined", "500", "6,000"])]),
  ("h", "Evaluation"),
  ("t", ["Criterion", "Weight", "Scoring"], [
      (N, ["Unit price incl. tooling amortisation", "45 %", "lowest price = 10 points"]),
      (N, ["Quality (PPM history, certification)", "25 %", ""]),
      (N, ["Lead time & flexibility", "20 %", ""]),
      (N, ["Sustainability (CO2 per kg, recycled content)", "10 %", "self-declaration"])]),
  ("h", "Requirements for supply"),
  ("t", ["Req. ID", "Requirement", "Comply (Y/N)", "Comment"], [
      (S, ["R-01", "Dezincification resistance per ISO 6509-1, max depth 200 µm", "", ""]),
      (S, ["R-02", "Every lot marked with heat code and date code", "", ""]),
      (T, ["R-03", "Through-hull fittings to meet the essential requirements of the Recreational Craft Directive 2013/53/EU", "", ""]),
      (S, ["R-04", "Delivery in cardboard boxes max 12 kg, label with article no., qty and lot", "", ""]),
      (N, ["R-05", "Quotation to show tooling cost separately", "", ""]),
      (T, ["R-06", "SVHC information for lead (CAS 7439-92-1) per REACH Art. 33 with every new article", "", ""])]),
  ("p", N, "Questions about this RFQ shall be sent via the portal no later than 20 February 2026."),
]))

DOCS.append(dict(doc="tab1-msa-corvan-schedules", industry=MP, doc_type="master_supply_agreement", blocks=[
  ("h", "Schedule 2 - Prices and Lead Times"),
  ("p", S, "2.1 The prices below are fixed until 31 December 2026 and include packaging and delivery DDP Corvan Leeds."),
  ("t", ["Part no.", "Description", "Price (GBP/pc)", "MOQ", "Standard lead time", "Safety stock"], [
      (S, ["CV-11820", "PTO shaft yoke", "18.40", "200", "6 weeks", "2 weeks' demand"]),
      (S, ["CV-11826", "Gearbox input shaft", "42.75", "100", "8 weeks", "300 pcs"]),
      (S, ["CV-12004", "Hitch pin Ø28", "3.10", "1,000", "4 weeks", "TBD"]),
      (S, ["CV-12110", "Bearing housing, cast, machined", "27.90", "150", "10 weeks", ""])]),
  ("p", S, "2.2 Raw material surcharge: steel price changes of more than 8 % against the MEPS index baseline of Q4 2025 will be passed through quarterly, up or down."),
  ("h", "Schedule 4 - Key Performance Indicators"),
  ("t", ["KPI", "Target", "Measurement", "Consequence"], [
      (S, ["On-time delivery (OTD)", "≥ 97 %", "monthly, ±0 days window", "Escalation level 1 below 95 %"]),
      (S, ["Quality PPM", "≤ 150 ppm", "rolling 12 months", "8D + containment"]),
      (S, ["Response to schedule change", "48 h", "", ""]),
      (S, ["Cost of poor quality", "admin fee GBP 150 per NCR", "per case", "charged by debit note"])]),
  ("h", "Schedule 5 - Customer site information"),
  ("t", ["Topic", "Information", "Remarks"], [
      (I, ["Goods receipt hours", "Mon-Thu 07:00-15:30, Fri 07:00-12:00", "closed on bank holidays"]),
      (I, ["Dock", "Single dock, no side loading, max trailer length 13.6 m", ""]),
      (I, ["Seasonal peak", "Feb-May demand approx. 2.5 x the autumn level", "tractor build season"]),
      (I, ["Warehouse racking", "Pallet positions max 1,200 mm high and 800 kg", ""]),
      (I, ["Existing systems", "Call-offs by EDI DELFOR through the Corvan supplier portal", "no e-mail call-offs"]),
      (N, ["Site contact", "Logistics team leader, ext. 214", ""])]),
  ("h", "Schedule 6 - Regulatory data"),
  ("kv", [(T, "Packaging data", "Weight and material of all packaging per part number, by 31 January each year, for Corvan's reporting under the Packaging Waste (Data Reporting) (England) Regulations 2023")]),
  ("h", "Schedule 1 - Definitions"),
  ("t", ["Term", "Definition", "Used in"], [
      (N, ["OTD", "Deliveries received in full on the confirmed date", "Schedule 4"]),
      (N, ["NCR", "Non-conformance report raised by Corvan goods-in inspection", "Schedule 4"])]),
]))

DOCS.append(dict(doc="tab1-minutes-tarnow-fai-review", industry=MP, doc_type="meeting_minutes", blocks=[
  ("h", "Minutes of meeting"),
  ("kv", [(N, "Meeting", "FAI review, impeller shafts P/N EP-5501"),
          (N, "Date / place", "14.01.2026, Tarnów plant + Teams"),
          (N, "Participants", "Elkford SQE, Elkford purchasing, TPC quality manager, TPC production manager")]),
  ("p", N, "The FAI report of 5 samples was reviewed together with the CMM operator of TPC."),
  ("p", S, "Runout of the shaft must be below 0.015 mm, measured result 0.022 mm was not accepted."),
  ("t", ["No.", "Action", "Owner", "Due", "Status"], [
      (S, ["1", "Rework grinding fixture and re-submit 5 FAI samples with full CMM report", "TPC", "06.02.2026", "open"]),
      (S, ["2", "Add runout to control plan as SC, 100 % check until Cpk ≥ 1.67 proven", "TPC", "30.01.2026", "open"]),
      (S, ["3", "Send updated drawing rev. F with clarified datum B", "Elkford", "20.01.2026", "done"]),
      (S, ["4", "Provide 3.1 certificates for 42CrMo4 heat no. 77140", "TPC", "16.01.2026", "done"]),
      (N, ["5", "Circulate minutes to participants", "Elkford purchasing", "15.01.2026", "done"]),
      (N, ["6", "Discuss price increase request of 6 % in separate meeting", "Elkford purchasing / TPC sales", "TBD", "open"]),
      (N, ["7", "Book next review (video call)", "TPC", "", ""]),
      (T, ["8", "Confirm REACH SVHC status of new quench oil used in heat treatment", "TPC", "30.01.2026", "open"]),
      (I, ["9", "Info: Elkford moves pump assembly to new line with automatic shaft press-fit from April", "Elkford", "", "info"])]),
]))

DOCS.append(dict(doc="tab1-sow-brisco-cmm-inspection", industry=MP, doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - Outsourced dimensional inspection"),
  ("p", N, "1.1 This Statement of Work describes the dimensional inspection services MetroLab will provide to Brisco under the Framework Agreement of 2 May 2025."),
  ("p", I, "1.2 Brisco currently machines approx. 1,800 impeller and casing parts per month in two shifts, and its own CMM capacity covers about 60 % of the sampling plan."),
  ("t", ["Current situation", "Details", "Remark"], [
      (I, ["CMM fleet at Brisco", "2 bridge CMMs, built 2012 and 2016", "PC-DMIS 2019 licences"]),
      (I, ["Part sizes", "up to 1,100 mm diameter, max 450 kg", "crane needed above 25 kg"])]),
  ("h", "2 Deliverables"),
  ("t", ["Deliverable", "Format", "Due"], [
      (S, ["First article inspection report", "PDF + native CMM file", "5 working days after receipt of parts"]),
      (S, ["Routine sampling report", "Q-DAS dfq export", "48 h"]),
      (S, ["Monthly capacity and backlog report", "Excel", "3rd working day of month"]),
      (S, ["CMM programmes created for Brisco parts", "PC-DMIS source files", "on request, property of Brisco"])]),
  ("h", "3 Service levels"),
  ("t", ["Service level", "Target", "Service credit"], [
      (S, ["Turnaround routine parts", "95 % within 48 h", "2 % of monthly fee per point below target"]),
      (S, ["Measurement uncertainty", "MPE_E ≤ 1.9 + L/300 µm", "n/a"])]),
  ("t", ["Task", "Brisco", "MetroLab"], [
      (S, ["Transport of parts between sites", "X", ""]),
      (S, ["Calibration of CMMs by ISO/IEC 17025 accredited lab", "", "X"]),
      (S, ["Storage of parts in climate controlled room 20 ± 1 °C", "", "X"]),
      (N, ["X = performs the task", "", ""])]),
  ("p", S, "4.2 MetroLab shall keep all Brisco drawings and measurement data confidential and delete them on request."),
  ("p", T, "4.3 Personal data of Brisco staff processed in the reporting portal shall be handled in accordance with the UK GDPR and the Data Protection Act 2018."),
]))

DOCS.append(dict(doc="tab1-po-millbrook-spare-gears", industry=MP, doc_type="purchase_order", blocks=[
  ("h", "PURCHASE ORDER"),
  ("kv", [(N, "PO#", "11872"), (N, "Date", "Feb 2 2026"), (N, "Vendor", "Ridgeline Gear Works"),
          (S, "Ship to", "Millbrook Paper Mill, Maintenance Stores, Bldg 3, 400 River Rd, Millbrook ME"),
          (S, "Delivery", "ASAP, no later then 2/20/26 - mill shutdown"),
          (N, "Requested by", "Maintenance planner, PM dept."),
          (S, "Payment", "Net 30 after recieved"),
          (S, "Invoice", "Mail to Accounts Payable, show PO# on invoice or it will be returned")]),
  ("t", ["Qty", "Drawing", "Description", "Unit $", "Total $"], [
      (S, ["2", "DWG M-2231", "Spur gear 48T, module 4, 4140 HT 28-32 HRC, bore 60H7 w/ keyway", "1,240.00", "2,480.00"]),
      (S, ["1", "DWG M-2232", "Pinion 17T mod 4, integral shaft, 4340", "1,890.00", "1,890.00"]),
      (S, ["4", "-", "Bronze bushing SAE 660, 75 x 90 x 80", "96.50", "386.00"]),
      (N, ["", "", "PO total", "", "4,756.00"])]),
  ("p", I, "These gears are for the #4 paper machine dryer section drive, running 24/7 at around 90 °C ambient near the hoods."),
  ("p", S, "Call before shipping and send material certs with gears."),
]))

# ---------------------------------------------------------------- automotive
DOCS.append(dict(doc="tab1-po-aurel-calloff-brake-brackets", industry=AU, doc_type="purchase_order", blocks=[
  ("h", "Delivery schedule (call-off) LAB 2026/07"),
  ("kv", [(N, "Delivery schedule no.", "LAB 2026/07 of 16.02.2026"),
          (N, "Supplier no.", "48810"),
          (S, "Unloading point", "Werk Zwickau, Tor 3, Abladestelle 12"),
          (S, "Packaging", "VDA KLT 4147, 80 pcs/KLT, on Euro pallet, max 1 m height"),
          (S, "Transport", "Milk run, pick-up by our forwarder every Tue/Thu 10:00"),
          (N, "Cum. qty received (as of 13.02.2026)", "184,320"),
          (I, "Consuming line", "Front axle module line 2, approx. 1,150 vehicles/day")]),
  ("t", ["Part no.", "Description", "Date", "Quantity", "Cum. qty", "Type"], [
      (S, ["5Q0.615.425.B", "Brake caliper bracket, front left", "23.02.2026", "9,600", "193,920", "firm"]),
      (S, ["5Q0.615.426.B", "Brake caliper bracket, front right", "23.02.2026", "9,600", "193,920", "firm"]),
      (S, ["5Q0.615.425.B", "Brake caliper bracket, front left", "02.03.2026", "10,240", "204,160", "firm"]),
      (S, ["5Q0.615.425.B", "Brake caliper bracket, front left", "KW 11-14", "38,400", "242,560", "material release"]),
      (I, ["5Q0.615.425.B", "Brake caliper bracket, front left", "KW 15-26", "118,000", "", "forecast"])]),
  ("p", S, "Deliveries above the firm call-off quantity require approval of the MRP controller."),
  ("p", I, "The brackets are safety relevant parts of the braking system (D/TLD marking on drawing)."),
]))

DOCS.append(dict(doc="tab1-qa-veltra-axle-carrier", industry=AU, doc_type="quality_agreement", blocks=[
  ("h", "Annex A - Special characteristics, rear axle carrier RAC-310"),
  ("t", ["Char. no.", "Characteristic", "Specification", "Class", "Control method", "Reaction plan"], [
      (S, ["101", "Wall thickness bearing seat", "min. 6.5 mm", "SC", "ultrasonic, 5 pcs/shift", "quarantine since last OK check"]),
      (S, ["102", "Ultimate tensile strength", "≥ 450 MPa", "CC", "separately cast test bar per ladle", "stop + 8D"]),
      (S, ["103", "Porosity in zone A", "≤ level 2 per ASTM E505", "CC", "X-ray 100 %", "scrap"]),
      (S, ["104", "Position of mounting bores", "Ø0.2 to A|B|C", "SC", "CMM 1/100", ""])]),
  ("h", "Annex B - Responsibilities"),
  ("t", ["Task", "Veltra", "Ferrox", "Note"], [
      (S, ["PPAP submission level 3", "A", "R", ""]),
      (S, ["Process FMEA", "C", "R", "AIAG-VDA handbook"]),
      (S, ["Annual product audit VDA 6.5", "I", "R", ""]),
      (S, ["Requalification layout inspection", "I", "R", "1 x per year all characteristics"]),
      (T, ["Reporting of serious risks to the type-approval authority", "R", "C", "Reg. (EU) 2018/858 Art. 52"]),
      (T, ["Recall campaign towards vehicle owners ordered by authority", "R", "S", ""]),
      (N, ["R responsible · A approve · C consulted · I informed · S support", "", "", ""])]),
  ("p", S, "7.1 Parts with CC characteristics shall be marked with the D/TLD symbol and the documentation archived for 15 years after end of series production."),
  ("p", S, "7.2 The Supplier shall be certified to IATF 16949 and inform Veltra within 5 working days if the certificate is suspended."),
  ("p", I, "7.3 The axle carrier holds the rear suspension of a 2.6 t SUV platform and takes kerb strikes and trailer towing loads."),
]))

DOCS.append(dict(doc="tab1-spec-kolby-ecu-housing", industry=AU, doc_type="technical_specification", blocks=[
  ("h", "Component specification - ECU housing, die cast"),
  ("t", ["Requirement ID", "Topic", "Requirement", "Verification"], [
      (S, ["ECU-H-001", "Material", "AlSi9Cu3(Fe), EN AC-46000", "Material cert"]),
      (S, ["ECU-H-002", "Sealing", "IP6K9K with gasket and connector mated", "Test"]),
      (S, ["ECU-H-003", "Operating temperature", "-40 °C … +105 °C", "Test"]),
      (S, ["ECU-H-004", "Thermal shock", "1000 cycles -40/+125 °C, no crack", "Test"]),
      (S, ["ECU-H-005", "Vibration", "ISO 16750-3, test VII (engine mounted)", "Test"])]),
  ("h", "Mounting environment (information only)"),
  ("t", ["Parameter", "Condition", "Source"], [
      (I, ["Mounting location", "Engine compartment, on gearbox bell housing", "Vehicle package"]),
      (I, ["Splash water", "direct, incl. high pressure cleaning at car wash", ""]),
      (I, ["Media", "engine oil, ATF, coolant, road salt, battery acid vapour", "media list KE-M-04"]),
      (I, ["Local temperature near exhaust", "up to 130 °C for 30 min after key-off", "measurement vehicle TBD"])]),
  ("h", "Legal and homologation"),
  ("t", ["Item", "Regulation", "Required evidence"], [
      (T, ["EMC of complete ECU", "UN ECE R10 rev. 6", "E-mark test report (by Kolby)"]),
      (T, ["Heavy metals", "Directive 2000/53/EC (ELV) Annex II", "IMDS entry"]),
      (T, ["Candidate list substances", "REACH Art. 33", "declaration on request"]),
      (S, ["Material data", "IMDS, according GADSL", "IMDS ID before PPAP"])]),
  ("p", S, "Changes to die, casting parameters or impregnation process need PPAP resubmission."),
]))

DOCS.append(dict(doc="tab1-rfq-nordhaven-seat-frames", industry=AU, doc_type="rfq_tender", blocks=[
  ("h", "RFQ NX4 - rear seat backrest frames"),
  ("p", N, "Nordhaven Seating requests quotations for the rear seat backrest frame of program NX4."),
  ("kv", [(I, "Vehicle program", "NX4 compact SUV, 5-seat, markets EU + China"),
          (I, "Lifetime volume", "1.1 million vehicles, peak 240,000/year in 2029"),
          (N, "Nomination planned", "Q3 2026"),
          (S, "SOP", "09/2027, PPAP complete 8 weeks before SOP"),
          (N, "RFQ contact", "Commodity buyer metals")]),
  ("t", ["Part", "Description", "Take rate", "Volume 2028", "Volume 2029"], [
      (I, ["RBF-60", "Backrest frame 60 % side", "100 %", "180,000", "240,000"]),
      (I, ["RBF-40", "Backrest frame 40 % side", "100 %", "180,000", "240,000"]),
      (I, ["RBF-MID", "Centre armrest bracket", "35 % (option)", "63,000", "84,000"])]),
  ("h", "Cost breakdown (to be filled by supplier)"),
  ("t", ["Cost element", "EUR/pc", "Remarks"], [
      (N, ["Raw material (steel, kg x EUR/kg)", "", ""]),
      (N, ["Purchased parts", "", ""]),
      (N, ["Manufacturing cost incl. welding", "", ""]),
      (N, ["SG&A and profit", "", ""]),
      (N, ["Tooling (one-off)", "", "amortisation not accepted"])]),
  ("h", "Technical and commercial requirements"),
  ("t", ["No.", "Requirement", "Supplier statement"], [
      (T, ["T1", "Seat anchorage strength to meet UN ECE R17 and, for US version, FMVSS 207", ""]),
      (S, ["T2", "E-coat min. 20 µm, 720 h salt spray", ""]),
      (S, ["T3", "Welding according to ISO 3834-2, weld seam audits monthly", ""]),
      (S, ["T4", "Annual price reduction 3 % in years 2-4", ""]),
      (N, ["T5", "Quotation valid for 6 months", ""]),
      (S, ["T6", "Capacity for peak volume + 15 % flexibility", ""]),
      (T, ["T7", "Due diligence data on tin, tantalum, tungsten and gold per Regulation (EU) 2017/821", ""])]),
  ("p", N, "Quotations received after 30 April 2026 will not be considered."),
]))

DOCS.append(dict(doc="tab1-msa-grendel-logistics-annex", industry=AU, doc_type="master_supply_agreement", blocks=[
  ("h", "Annex 6 - Logistics Agreement (wire harnesses)"),
  ("kv", [(S, "Incoterms", "FCA supplier plant Timișoara (Incoterms 2020)"),
          (S, "Packaging", "Returnable customer packaging GLT 1208 - supplier cleans and keeps 2 weeks float"),
          (S, "Labelling", "Odette / GTL label VDA 4902 v4, barcode code 128"),
          (S, "ASN", "VDA 4913 / DESADV at the latest at truck departure"),
          (S, "Forecast horizon", "Supplier to secure capacity for 26 weeks of the rolling forecast"),
          (I, "Plant operation", "Truck assembly runs 3 shifts, 5 days; line stop costs approx. EUR 25,000 per hour"),
          (I, "Storage at customer", "No buffer warehouse, harnesses go just-in-sequence to the line")]),
  ("t", ["KPI", "Definition", "Target", "Measured by"], [
      (S, ["Delivery reliability", "deliveries on time and complete / all deliveries", "98.5 %", "Grendel"]),
      (S, ["ASN accuracy", "ASN matches physical delivery", "99.5 %", ""]),
      (S, ["Premium freight", "costs of special transport caused by supplier", "0 EUR", "charged to supplier"])]),
  ("t", ["Activity", "Grendel", "Lumora"], [
      (S, ["Provide returnable packaging pool", "R", ""]),
      (S, ["Maintain packaging, repair damaged GLT", "", "R"]),
      (T, ["Export customs declaration under the Union Customs Code", "", "R"]),
      (T, ["Registration of one-way packaging under German VerpackG (LUCID)", "", "R"]),
      (N, ["R = has to perform", "", ""])]),
  ("p", S, "6.4 Special freight caused by the supplier's delay will be charged back with an administration fee of EUR 250 per case."),
]))

DOCS.append(dict(doc="tab1-minutes-quimera-launch-readiness", industry=AU, doc_type="meeting_minutes", blocks=[
  ("h", "Launch readiness review #3 - door module carrier DMC-7"),
  ("kv", [(N, "Subject", "LRR #3 door module carrier DMC-7"), (N, "Date", "2026-02-11"),
          (N, "Location", "Querétaro plant")]),
  ("p", S, "Run@Rate result: 412 parts in 8 h against required 440, OEE 71 % (target 85 %), not released."),
  ("t", ["#", "Topic", "Action", "Resp.", "Due date"], [
      (S, ["1", "Capacity", "Second shift on press 7 until OEE ≥ 85 % proven, daily report", "Quimera", "18-Feb-26"]),
      (S, ["2", "Quality", "Fix short shots at clip tower; submit DoE result", "Quimera", "25-Feb-26"]),
      (S, ["3", "Packaging", "Deliver 20 sample trays for packaging trial", "Halvorsen logistics", "20-Feb-26"]),
      (T, ["4", "Customs", "Provide USMCA certificate of origin data for DMC-7", "Quimera", "28-Feb-26"]),
      (N, ["5", "Commercial", "Tooling invoice discussion, purchasing to answer on 2nd tool instalment", "Halvorsen purchasing", "TBD"]),
      (N, ["6", "Admin", "Next LRR meeting 04-Mar-26, invitation by SQE", "", ""]),
      (S, ["7", "Docs", "Update PFMEA and control plan with new clip inspection camera", "Quimera", "25-Feb-26"]),
      (I, ["8", "Info", "OEM customer raises line rate from 52 to 60 JPH in June", "", ""])]),
]))

DOCS.append(dict(doc="tab1-sow-marlow-mould-transfer", industry=AU, doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - Tool transfer Kenosha to Arad"),
  ("p", N, "1. Purpose: transfer of 14 injection moulds for instrument panel parts from the closing plant in Kenosha to Petrascu Plast, Arad."),
  ("p", I, "2. The moulds are customer-owned, built 2019-2021, and run today on 800-1300 t presses with hot runner controllers of two different makes."),
  ("t", ["Phase", "Deliverable", "Responsible", "Due"], [
      (S, ["1", "Tool condition report with photos for each mould", "Petrascu", "wk 10"]),
      (S, ["2", "Bank build: 6 weeks of demand for all 38 part numbers", "Marlow (old plant)", "wk 14"]),
      (S, ["4", "First shots and dimensional report (full layout)", "Petrascu", "wk 18"]),
      (S, ["5", "PPAP level 3 resubmission", "Petrascu", "wk 22"])]),
  ("t", ["Milestone", "Payment (% of transfer fee)", "Condition"], [
      (S, ["Signing of SOW", "20 %", ""]),
      (S, ["First shots accepted", "30 %", "dimensional report approved"]),
      (S, ["PPAP approval", "40 %", "full approval, no interim"]),
      (S, ["90 days series without line complaint", "10 %", "retention"])]),
  ("p", S, "5.1 Petrascu shall keep the moulds insured at replacement value and marked as property of Marlow Interior Systems."),
  ("p", T, "5.2 Petrascu acts as importer of record for the moulds and shall file the import customs declaration in Romania."),
]))

DOCS.append(dict(doc="tab1-spec-solvej-battery-tray", industry=AU, doc_type="technical_specification", blocks=[
  ("h", "Technical specification - battery tray, aluminium"),
  ("kv", [(N, "Spec no.", "SM-TS-BT-0021"), (N, "Issue", "B, 2026-01-19"),
          (N, "Owner", "Battery structures engineering")]),
  ("t", ["Property", "Requirement", "Test method", "Remarks"], [
      (S, ["Tensile strength Rm", "≥ 260 MPa", "ISO 6892-1", "EN AW-6082 T6"]),
      (S, ["Weld leak tightness", "≤ 1 x 10^-4 mbar·l/s helium", "EN 1779", "100 %"]),
      (S, ["Bottom impact", "no intrusion > 3 mm, 10 kJ bollard", "customer test SM-T-880", ""]),
      (S, ["Coating", "cathodic e-coat 15-25 µm", "ISO 2808", ""])]),
  ("t", ["Use condition", "Value", "Comment"], [
      (I, ["Battery pack mass", "480 kg", "mounted under floor"]),
      (I, ["Ground clearance", "145 mm", "exposed to stone chipping and bottoming out"]),
      (I, ["Cooling", "water-glycol plate, 0.5 bar", "mounted to tray floor"])]),
  ("t", ["Legal requirement", "Reference", "Applicability"], [
      (T, ["Battery safety for type approval (thermal propagation)", "UN Regulation No. 100 rev. 3", "tray is part of REESS enclosure"]),
      (T, ["Battery passport data (carbon footprint, recycled content)", "Regulation (EU) 2023/1542", "from 18 Feb 2027"]),
      (T, ["End-of-life vehicles - heavy metals", "Directive 2000/53/EC Art. 4", "all parts"])]),
  ("p", S, "7.1 Supplier to send the 3D scan data of the first 10 trays of every batch in the first 3 months after SOP."),
]))

DOCS.append(dict(doc="tab1-po-brenner-tooling-order", industry=AU, doc_type="purchase_order", blocks=[
  ("h", "Tooling Order TO-2026-0093"),
  ("kv", [(N, "Order", "TO-2026-0093 (tooling order)"), (N, "Date", "16/01/2026"),
          (S, "Delivery", "T0 samples at Nordfelt, final tool delivery to Brenner Lippstadt"),
          (S, "Payment", "30 % with order, 40 % T1 samples approved, 30 % PPAP, each 30 days net"),
          (N, "Contact engineering", "Tooling engineer lamp housings"),
          (S, "Ownership marking", "Tag 'Eigentum Brenner Lighting - TO-2026-0093' on fixed half")]),
  ("t", ["Pos.", "Tool", "Cavities", "Steel / HR", "Price EUR", "T1 date"], [
      (S, ["1", "Headlamp housing LH", "1", "1.2738 / hot runner 4 nozzles", "186,000", "KW 22"]),
      (S, ["2", "Headlamp housing RH", "1", "1.2738 / hot runner 4 nozzles", "186,000", "KW 22"]),
      (S, ["3", "Bezel LH+RH family tool", "1+1", "1.2343 ESU, high gloss polish", "94,500", "KW 24"]),
      (S, ["4", "Checking fixture housing", "-", "aluminium, CMM certified", "22,800", "with T1"]),
      (N, ["", "Total", "", "", "489,300", ""])]),
  ("p", S, "Tool life guarantee 750,000 shots for position 1 and 2."),
  ("p", S, "Nordfelt shall deliver the 3D tool design for approval before steel cutting."),
]))

# ---------------------------------------------------------------- aerospace and defence
DOCS.append(dict(doc="tab1-po-aldervane-ti-brackets", industry=AD, doc_type="purchase_order", blocks=[
  ("h", "Purchase Order AA-PO-558210"),
  ("kv", [(N, "Purchase Order", "AA-PO-558210"), (N, "Change order", "none"), (N, "Supplier code", "S-0931"),
          (S, "Ship to", "Aldervane Aerostructures, Receiving Dock 2, Bldg 14, Wichita KS"),
          (S, "Terms", "2% 10 Net 60"),
          (S, "Ship via", "Best way ground - no air freight without buyer approval"),
          (T, "DPAS rating", "DO-A1, supplier shall comply with 15 CFR Part 700")]),
  ("t", ["Line", "Part Number", "Rev", "Description", "Qty", "Need Date", "Unit Price"], [
      (S, ["001", "311W4402-3", "E", "Bracket, Ti-6Al-4V, machined", "48", "2026-04-15", "612.00"]),
      (S, ["002", "311W4402-4", "E", "Bracket, Ti-6Al-4V, opposite", "48", "2026-04-15", "612.00"]),
      (S, ["003", "311W4410-1", "B", "Fitting, 15-5PH H1025", "120", "2026-05-01", "208.50"])]),
  ("t", ["Code", "Quality Clause", "Applies"], [
      (S, ["Q-01", "AS9100 certified quality system", "X"]),
      (S, ["Q-04", "First Article Inspection per AS9102, full FAI on new rev", "X"]),
      (S, ["Q-09", "Special processes only at Nadcap accredited sources on customer approved list", "X"]),
      (T, ["Q-12", "Right of access for Aldervane, its customers and regulatory authorities to all facilities and records", "X"]),
      (S, ["Q-15", "Counterfeit part prevention per AS5553 / AS6174", "X"]),
      (T, ["Q-20", "Export controlled: technical data subject to ITAR (22 CFR 120-130), no foreign person access without licence", "X"]),
      (I, ["Q-30", "Flight safety parts, installed in wing-to-body primary structure", "X"]),
      (N, ["Q-22", "Government source inspection", "-"])]),
  ("p", S, "All parts shall be individually bagged and tagged with PO, part number, and serial/lot."),
]))

DOCS.append(dict(doc="tab1-qa-hollis-special-processes", industry=AD, doc_type="quality_agreement", blocks=[
  ("h", "Supplier Quality Agreement - special processes"),
  ("p", N, "This agreement applies to chemical processing, shot peening and NDT performed by Ardent Surface Technologies for Hollis Landing Systems landing gear components."),
  ("kv", [(I, "Parts processed", "Landing gear cylinders and axles in 300M steel, up to 2.4 m long and 280 kg")]),
  ("t", ["Process", "Specification", "Accreditation", "Approval"], [
      (S, ["Cadmium plating, LHE", "AMS-QQ-P-416 Type II Class 2", "Nadcap CP", "Hollis source approval"]),
      (S, ["Shot peening", "AMS 2430, intensity 0.008-0.012A", "Nadcap SE", ""]),
      (S, ["Magnetic particle inspection", "ASTM E1444", "Nadcap NDT", "Level 3 procedure approval"]),
      (S, ["Hydrogen embrittlement relief bake", "190 °C, 23 h min, start within 4 h of plating", "", ""])]),
  ("t", ["Requirement", "Hollis", "Ardent"], [
      (S, ["Flow down of process specifications, latest revision", "R", ""]),
      (S, ["NDT personnel qualification to NAS 410", "", "R"]),
      (T, ["Environmental permit for cadmium and chromate lines (air and waste water discharge)", "", "R"]),
      (T, ["Use of Cr(VI) under REACH authorisation incl. downstream user notification to ECHA", "I", "R"]),
      (S, ["Process control records, bath analysis", "", "R"]),
      (N, ["R = does it; I = is informed", "", ""])]),
  ("t", ["Record", "Retention", "Media"], [
      (S, ["NDT reports and images", "10 years after delivery", "electronic"]),
      (S, ["Bath chemistry logs", "life of programme + 10 years", "paper or scan"]),
      (T, ["Hazardous waste consignment notes", "3 years as required by the Hazardous Waste Regulations 2005", "paper"])]),
  ("p", S, "4.1 Any nonconformance found after processing shall be reported within 24 hours and parts held for Hollis MRB disposition."),
  ("p", T, "4.2 Ardent shall give access to CAA and EASA inspectors when they audit the Hollis production organisation approval."),
]))

DOCS.append(dict(doc="tab1-spec-quillon-flap-bracket", industry=AD, doc_type="technical_specification", blocks=[
  ("h", "Procurement specification QAS-ES-2291"),
  ("kv", [(N, "Specification", "QAS-ES-2291 Rev A"),
          (N, "Title", "Bracket, flap actuator - procurement specification")]),
  ("t", ["Characteristic", "Requirement", "Verification", "Ref."], [
      (S, ["Material", "Al 7050-T7451 plate per AMS 4050", "C of C + test report", "see 3.1"]),
      (S, ["Surface treatment", "tartaric-sulfuric anodize per AMS 2643, primer per MIL-PRF-23377 Type I Class C2", "process cert", ""]),
      (S, ["Fatigue", "10^7 cycles at 12 kN ±8 kN, no crack", "test, 3 samples", "TBD"]),
      (S, ["Weight", "≤ 1.85 kg", "weigh each part", ""]),
      (S, ["Fastener holes", "H8, cold worked per QAS-PS-114", "100 %", ""])]),
  ("h", "Environment"),
  ("t", ["Condition", "Level", "Source"], [
      (I, ["Installation", "wing trailing edge, unpressurised, flammable fluid leakage zone", "-"]),
      (I, ["Temperature (ground and flight)", "-55 °C to +70 °C", "aircraft zone data"]),
      (I, ["Fluids", "phosphate-ester hydraulic fluid, de-icing fluid, jet fuel", "zone data"]),
      (S, ["Vibration (requirement)", "qualification per RTCA DO-160G Section 8, Cat. S, curve M", "DO-160G"])]),
  ("h", "Certification"),
  ("t", ["Item", "Requirement", "Remark"], [
      (T, ["Airworthiness", "Part produced under Quillon EASA Part 21 Subpart G approval; supplier under Quillon supplier control", ""]),
      (T, ["Export classification", "Technical data classified under EAR before any transfer outside the US", "ECCN 9E991"]),
      (S, ["Configuration control", "Class I/II changes per QAS-QM-06, approval before implementation", ""])]),
  ("p", S, "Deviations, even if within tolerance of the drawing, must be approved by Quillon design office before shipment."),
]))

DOCS.append(dict(doc="tab1-rfq-skerrow-composite-panel-repair", industry=AD, doc_type="rfq_tender", blocks=[
  ("h", "Invitation to Tender STT-2026-07 - composite panel repairs"),
  ("p", N, "Skerrow Technics invites approved repair stations to tender for the repair of composite floor and sidewall panels of its narrow-body fleet."),
  ("kv", [(N, "Tender reference", "STT-2026-07"), (N, "Submission deadline", "13 March 2026 16:00 UTC"),
          (N, "Offer validity", "120 days"), (N, "Contract term", "3 years + 2 options of 1 year")]),
  ("t", ["Panel type", "Estimated repairs / year", "Remarks"], [
      (I, ["Floor panel, cabin, honeycomb", "420", "86 aircraft, 2 bases"]),
      (I, ["Floor panel, galley/lavatory wet area", "150", "high humidity, fluid ingress"]),
      (I, ["Sidewall panel", "60", ""])]),
  ("t", ["Service", "Requirement", "Penalty"], [
      (S, ["Turnaround time routine repair", "10 calendar days dock-to-dock", "1 % of repair price per day late"]),
      (S, ["AOG repair", "72 h, 24/7 contact", ""]),
      (S, ["Exchange pool", "supplier holds 12 serviceable floor panels at Skerrow main base", ""])]),
  ("t", ["Requirement", "Mandatory", "Evidence with offer"], [
      (T, ["EASA Part-145 approval with C rating for composite components", "Yes", "copy of approval certificate"]),
      (T, ["Release of each repaired panel on EASA Form 1", "Yes", "sample form"]),
      (S, ["Repairs per manufacturer's structural repair manual only, other repairs need Skerrow approval", "Yes", ""]),
      (S, ["Collection from and delivery to Skerrow stores", "Yes", "logistics concept"]),
      (N, ["Price schedule completed (Annex C)", "Yes", ""]),
      (N, ["Reference list of 3 airline customers", "Yes", ""])]),
  ("t", ["Award criterion", "Weight", "Evaluated on"], [
      (N, ["Total cost of ownership (price x volume + logistics)", "50 %", "Annex C"]),
      (N, ["Turnaround performance offered", "30 %", ""]),
      (N, ["Quality record & audit result", "20 %", "audit at bidder"])]),
]))

DOCS.append(dict(doc="tab1-sow-trelawney-dmsms", industry=AD, doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - DMSMS management LRX-9"),
  ("p", S, "1.0 Scope. The Contractor shall provide diminishing manufacturing sources and material shortages (DMSMS) management for the LRX-9 ground surveillance radar."),
  ("p", I, "1.1 The LRX-9 fleet of 42 systems is expected to stay in service until 2045, with a mid-life update planned for 2032."),
  ("t", ["System data", "Value", "Remark"], [
      (I, ["Fielded systems", "42 (UK 30, export 12)", "2 training systems not included"]),
      (I, ["Line replaceable units", "186 LRUs, 9,400 unique part numbers in BOM", "approx. 35 % COTS"])]),
  ("t", ["CDRL", "Title", "Frequency", "First submission", "Format"], [
      (S, ["A001", "DMSMS Management Plan", "once, updated yearly", "award + 60 days", "contractor format"]),
      (S, ["A002", "Bill of Materials health assessment", "quarterly", "award + 90 days", "Excel"]),
      (S, ["A003", "Obsolescence case report", "within 10 working days of notice", "as required", ""]),
      (S, ["A004", "Lifetime buy recommendation", "as required", "", "TBD"])]),
  ("t", ["Activity", "Trelawney", "Corvid", "End customer"], [
      (S, ["Provide indentured BOM and drawings", "R", "I", ""]),
      (S, ["Monitor PCN/EOL notices of component makers", "", "R", ""]),
      (S, ["Approve resolution (LTB, alternate part, redesign)", "A", "R", "I"]),
      (T, ["Export licence application for replacement parts from US sources", "R", "C", ""]),
      (S, ["Keep obsolescence database access for end customer", "", "R", "I"]),
      (N, ["Blank = no role", "", "", ""])]),
  ("t", ["Service level", "Target", "Reporting"], [
      (S, ["Notice screening", "100 % of BOM lines screened monthly", "A002"]),
      (S, ["Case report timeliness", "≥ 95 % within 10 working days", "quarterly"])]),
  ("p", T, "5.1 The Contractor shall handle classified information in accordance with the Official Secrets Act 1989 and the security aspects letter."),
]))

DOCS.append(dict(doc="tab1-msa-kestrelwing-spares-annex", industry=AD, doc_type="master_supply_agreement", blocks=[
  ("h", "Annex B - Spares Price List 2026"),
  ("kv", [(I, "Fleet", "Approx. 140 helicopters in service, 450 FH per year, offshore and EMS operators")]),
  ("t", ["P/N", "Nomenclature", "Unit price USD", "Lead time (ARO)", "Min. order", "Shelf life"], [
      (S, ["7120-0440-01", "Servo valve assy, main rotor", "18,450", "120 days", "1", "n/a"]),
      (S, ["7120-0512-03", "Seal kit, actuator", "385", "30 days", "5", "5 years from cure date"]),
      (S, ["7120-0701-02", "Pump, hydraulic, engine driven", "42,800", "180 days", "1", ""])]),
  ("p", S, "B.2 AOG orders shall be shipped within 24 hours from stock at the list price plus an AOG handling charge of USD 450."),
  ("h", "Annex C - Repair prices"),
  ("t", ["Repair item", "Flat rate (USD)", "TAT", "Warranty"], [
      (S, ["Servo valve overhaul", "6,900", "35 days", "12 months / 1,000 FH"]),
      (S, ["Pump test and repair", "9,150", "45 days", ""]),
      (S, ["Beyond economic repair evaluation", "850", "10 days", "-"])]),
  ("h", "Annex D - Performance"),
  ("t", ["KPI", "Target", "Review"], [
      (S, ["Spares on-time delivery", "95 %", "quarterly"]),
      (S, ["Repair TAT", "90 % within flat-rate TAT", "quarterly"])]),
  ("t", ["Document", "Provided with", "Note"], [
      (T, ["Authorised release certificate EASA Form 1 / FAA Form 8130-3", "each new and repaired unit", ""]),
      (S, ["Packing per ATA Spec 300 Category II", "each shipment", ""]),
      (T, ["Shipper's declaration for dangerous goods (IATA DGR) for charged accumulators", "when applicable", "air freight"]),
      (T, ["Export classification (ECCN or USML category) per EAR / ITAR", "each invoice and packing list", ""])]),
]))

DOCS.append(dict(doc="tab1-minutes-greyhollow-harness-review", industry=AD, doc_type="meeting_minutes", blocks=[
  ("h", "Monthly programme review - harness sets W120-W134"),
  ("kv", [(N, "Meeting", "Programme review no. 14"), (N, "Date", "5 Feb 2026"), (N, "Classification", "Unclassified")]),
  ("p", S, "Delivery performance January: 11 of 14 harness sets delivered on time against the contract schedule (target 100 %)."),
  ("t", ["Action no.", "Description", "Owner", "Due", "Status"], [
      (S, ["A14-01", "Recover W127 late delivery, provide recovery plan with daily build status", "Vantage", "12 Feb", "Open"]),
      (S, ["A14-02", "Submit continuity and hipot test records for lots 41-44", "Vantage", "9 Feb", "Open"]),
      (S, ["A14-03", "Issue revised drawing W131 rev D incl. new backshell", "Greyhollow eng.", "16 Feb", "Open"]),
      (T, ["A14-04", "Confirm DFARS 252.225-7009 specialty metals compliance for new backshell material", "Vantage", "20 Feb", "Open"]),
      (N, ["A14-05", "Distribute slides and minutes", "Greyhollow PM", "6 Feb", "Closed"]),
      (N, ["A14-06", "Review proposal for copper price adjustment", "Greyhollow purchasing", "March review", "Open"]),
      (S, ["A13-07", "Provide counterfeit-prevention plan per AS5553 for connector sources", "Vantage", "-", "Closed"]),
      (I, ["A14-08", "Info: end customer moves system integration to new facility in Q3", "Greyhollow PM", "", "Info"])]),
  ("p", N, "Next review on 5 March 2026 at Vantage, Huntsville."),
]))

DOCS.append(dict(doc="tab1-qa-flowdown-brackmoor-subcontract", industry=AD, doc_type="quality_agreement", blocks=[
  ("h", "Attachment 3 - Flow-down and quality requirements"),
  ("p", N, "The following prime contract clauses are flowed down to the Subcontractor as indicated; the full text is incorporated by reference."),
  ("t", ["Clause", "Title", "Flow down", "Condition"], [
      (T, ["DFARS 252.204-7012", "Safeguarding Covered Defense Information and Cyber Incident Reporting", "Yes", "if CDI is processed"]),
      (T, ["DFARS 252.225-7048", "Export-Controlled Items", "Yes", "always"]),
      (T, ["FAR 52.222-50", "Combating Trafficking in Persons", "Yes", "always"]),
      (T, ["DFARS 252.246-7008", "Sources of Electronic Parts", "Yes", "for electronic parts"]),
      (T, ["DFARS 252.211-7003", "Item Unique Identification and Valuation", "Yes", "items ≥ $5,000 unit price"])]),
  ("h", "Quality requirements"),
  ("t", ["Requirement", "Applicable", "Notes"], [
      (S, ["AS9100D certification", "Yes", "maintain through PoP"]),
      (S, ["First article per AS9102", "Yes", ""]),
      (S, ["Record retention 10 years after final payment", "Yes", ""]),
      (T, ["Government source inspection (DCMA)", "When invoked on PO", "48 h notice and access for the DCMA QAR"])]),
  ("h", "Abbreviations"),
  ("t", ["Abbreviation", "Meaning", "Source"], [
      (N, ["CDI", "Covered Defense Information", "DFARS 252.204-7012"]),
      (N, ["PoP", "Period of performance", ""]),
      (N, ["QAR", "Quality Assurance Representative", ""])]),
  ("p", S, "3.2 The Subcontractor shall notify the Buyer within 72 hours of discovering suspect counterfeit parts."),
]))

DOCS.append(dict(doc="tab1-po-brackenfield-connectors", industry=AD, doc_type="purchase_order", blocks=[
  ("h", "PURCHASE ORDER BLS/PO/26/00742"),
  ("kv", [(N, "Order No.", "BLS/PO/26/00742"), (N, "Date of order", "27-Jan-2026"),
          (N, "Supplier ref.", "Quote Q-88120 dated 12-Jan-2026"),
          (S, "Delivery address", "Brackenfield Land Systems, Central Stores, Unit 9, Telford"),
          (S, "Invoice address", "Finance Shared Services, quote order no. and line no. on every invoice"),
          (S, "Payment terms", "30 days end of month following invoice"),
          (T, "Export licence", "Supplier to obtain German export licence (BAFA) under the Foreign Trade and Payments Act (AWG) before shipment"),
          (N, "Security classification", "OFFICIAL"),
          (N, "Total order value", "GBP 64,318.40"),
          (I, "End use", "Vehicle communication harnesses for armoured vehicle fleet")]),
  ("t", ["Line", "Item code", "Description", "Qty", "Unit price GBP", "Required by"], [
      (S, ["1", "BLS-0093-17", "Receptacle, MIL-DTL-38999 Ser. III, shell 17, 26 skt, ZnNi", "320", "48.20", "30/04/2026"]),
      (S, ["2", "BLS-0093-18", "Plug, MIL-DTL-38999 Ser. III, shell 17, 26 pin, ZnNi", "320", "52.75", "30/04/2026"]),
      (S, ["3", "BLS-0101-04", "Backshell, EMI, straight", "640", "19.90", "15/05/2026"]),
      (S, ["4", "BLS-0110-00", "Protective cap with lanyard", "640", "3.45", "15/05/2026"])]),
  ("p", S, "All connectors shall come from the original manufacturer or its authorised distributor, and certificates of conformity must show manufacturer lot/date code."),
  ("p", T, "Connectors containing cadmium may only be supplied where an exemption under REACH Annex XVII entry 23 applies, and the exemption shall be stated on the delivery note."),
]))

DOCS.append(dict(doc="tab1-spec-harrowmere-antenna-mount", industry=AD, doc_type="technical_specification", blocks=[
  ("h", "Item specification - antenna mast mount, tracked vehicle"),
  ("t", ["Environment", "Condition", "Remarks"], [
      (I, ["Vehicle", "tracked armoured vehicle, 32 t, cross-country", "shock from obstacle crossing"]),
      (I, ["Climate", "hot dry to cold, storage down to -51 °C", "user deployment areas"]),
      (I, ["Sand and dust", "desert deployment, track-raised dust", ""]),
      (I, ["Maintenance", "field level by crew wearing arctic gloves", ""])]),
  ("t", ["Test", "Method", "Level", "Samples"], [
      (S, ["Vibration", "MIL-STD-810H Method 514.8", "tracked vehicle, Cat. 20", "2"]),
      (S, ["Shock", "MIL-STD-810H Method 516.8 Proc. I", "40 g 11 ms", "2"]),
      (S, ["Salt fog", "MIL-STD-810H Method 509.7", "4 x 24 h wet/dry", "1"])]),
  ("t", ["Characteristic", "Requirement", "Remarks"], [
      (S, ["Material", "Steel S355J2, no magnesium alloys", ""]),
      (S, ["Mass", "max 11 kg", "without antenna"]),
      (S, ["Marking", "NATO Stock Number and part no., engraved, min. 3 mm characters", ""])]),
  ("t", ["Compliance item", "Applies", "Remarks"], [
      (T, ["Export control: UK Military List ML6 item, export licence needed for delivery outside UK", "Yes", ""]),
      (T, ["Hexavalent chromium pretreatments (REACH Annex XIV)", "Not permitted", "chromate-free only"])]),
  ("p", S, "The supplier shall demonstrate installation and removal by two persons in less than 20 minutes."),
]))
