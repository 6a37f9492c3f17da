# Batch tab5: tables that describe the customer's world (implied) and look-alikes
# (design conditions = specified; questionnaires, price forms, evaluation, admin = none).
S, I, T, N = "specified", "implied", "statutory", "none"
DOCS = []

# ================================================================ machined parts
DOCS.append(dict(doc="tab5-spec-ferrowick-gearbox-housing", industry="machined parts", doc_type="technical_specification", blocks=[
  ("h", "Technical Specification TS-4471 Gearbox housing GH-220, machined"),
  ("t", ["Rev.", "Date", "Author", "Change"], [
     (None, ["A", "2025-06-12", "Design eng.", "First issue for RFQ"]),
     (None, ["B", "2025-09-30", "Design eng.", "Duty profile updated after field logging, table 3 added"]),
  ]),
  ("h", "2. Application"),
  ("p", I, "2.1 The housing carries the two-stage reduction gear of a conveyor drive for bulk ore handling in open-pit mines, mounted on the drive station outdoors without roof."),
  ("p", I, "2.2 The operating data below were logged on three existing drives at the Kalvträsk site during 2024 and are given for information."),
  ("h", "3. Duty profile (as logged)"),
  ("t", ["Operating mode", "Hours / day", "Days / year", "Output torque [kNm]", "Starts / day", "Remark"], [
     (I, ["Nominal conveying", "19.5", "340", "38", "4", "belt loaded 70-85 %"]),
     (I, ["Peak / surge load", "0.4", "340", "61", "-", "rock bursts at crusher discharge"]),
     (I, ["Start under full belt", "n/a", "120", "74 (2 s)", "1-2", "after emergency stops"]),
     (I, ["Standstill, cold", "4.1", "340", "0", "-", "shift change and maintenance"]),
  ]),
  ("h", "4. Environment at site"),
  ("kv", [(I, "Ambient air temperature", "-38 °C (Jan min.) to +29 °C (Jul max.)"),
          (I, "Dust", "iron ore fines, up to 40 mg/m³ near transfer points"),
          (I, "Washing", "high-pressure water lance 150 bar, weekly, from all directions"),
          (I, "Vibration at foundation", "approx. 4 mm/s RMS measured at current drive frames")]),
  ("h", "5. Design requirements for the housing"),
  ("p", S, "5.1 The housing shall meet the requirements of Table 5 over the complete duty profile of Table 3."),
  ("t", ["No.", "Characteristic", "Requirement", "Verification"], [
     (S, ["5-1", "Material", "EN-GJS-400-18-LT, impact tested at -40 °C", "3.1 certificate, Charpy"]),
     (S, ["5-2", "Bore Ø180 H7, bearing seats", "coaxiality 0.02 to datum A-B", "CMM report, 100 % first 20 pcs"]),
     (S, ["5-3", "Sealing faces", "Ra ≤ 1.6 µm, flatness 0.03", "profilometer, AQL 0.65"]),
     (S, ["5-4", "Leak tightness", "no leak at 0.5 bar air, 60 s", "pressure decay, every part"]),
     (S, ["5-5", "Corrosion protection", "C5 per ISO 12944, 15 years durability", "DFT readings per lot"]),
  ]),
]))

DOCS.append(dict(doc="tab5-rfq-ostmark-spindle-overhaul", industry="machined parts", doc_type="rfq_tender", blocks=[
  ("h", "Request for Quotation RFQ 25-118: Overhaul of main spindles, machining hall 2"),
  ("p", N, "Ostmark Präzisionsteile GmbH invites offers for the overhaul of the motor spindles of the machining centres listed below."),
  ("h", "1. Installed machines"),
  ("t", ["Asset no.", "Machine", "Year", "Spindle type", "Max. speed [rpm]", "Taper", "Hours run"], [
     (I, ["MC-204", "5-axis BAZ, 800 table", "2014", "motor spindle 42 kW", "18,000", "HSK-A63", "41 200"]),
     (I, ["MC-205", "5-axis BAZ, 800 table", "2014", "motor spindle 42 kW", "18,000", "HSK-A63", "39 850"]),
     (I, ["MC-211", "horizontal HMC, 630 pallet", "2017", "motor spindle 37 kW", "12,000", "HSK-A100", "28 700"]),
     (I, ["MC-219", "vertical VMC", "2019", "belt spindle", "10,000", "SK40", "17 300*"]),
  ]),
  ("p", N, "* counter replaced in 2022, actual value estimated."),
  ("h", "2. How the spindles are used today"),
  ("t", ["Material machined", "Share of spindle hours", "Typical tool", "Coolant"], [
     (I, ["Aluminium 7075, aerospace ribs", "55 %", "Ø20 end mill, 16 000 rpm", "emulsion 7 %, through-spindle 40 bar"]),
     (I, ["Duplex stainless 1.4462", "30 %", "Ø63 face mill, 900 rpm", "emulsion 7 %, flood"]),
     (I, ["Titanium Ti-6Al-4V", "15 %", "Ø25 roughing cutter", "high pressure 70 bar"]),
  ]),
  ("p", I, "2.1 The hall is running in three shifts over 5.5 days per week, the spindles get warm-up programme only at Monday start."),
  ("h", "3. Scope of overhaul"),
  ("p", [S, S], "3.1 The Contractor shall replace bearings, seals and the clamping system of each spindle and balance it to G0.4. A run-in protocol with vibration and temperature values shall be handed over with each spindle."),
  ("h", "4. Price form (to be completed by the bidder)"),
  ("t", ["Pos.", "Service", "Unit", "Qty", "Unit price EUR", "Total EUR"], [
     (N, ["1", "Overhaul motor spindle 42 kW incl. bearings", "pc", "2", "", ""]),
     (N, ["2", "Overhaul motor spindle 37 kW incl. bearings", "pc", "1", "", ""]),
     (N, ["3", "Exchange spindle (rental) during overhaul", "week", "6", "", ""]),
  ]),
  ("h", "5. Award criteria"),
  ("t", ["Criterion", "Weight", "Scoring"], [
     (N, ["Total price incl. exchange spindle", "50 %", "lowest price = 50 points, others pro rata"]),
     (N, ["Turnaround time per spindle", "30 %", "working days door to door"]),
     (N, ["Warranty period offered on bearings", "20 %", "months or spindle hours, whichever first"]),
  ]),
  ("p", N, "Offers shall be valid for 90 days from the closing date."),
]))

# ================================================================ electronics
DOCS.append(dict(doc="tab5-spec-vessany-rail-io-module", industry="electronics", doc_type="technical_specification", blocks=[
  ("h", "Vessany Regional Rail: Remote I/O module for door control, specification VRR-E-0392"),
  ("h", "1. Abbreviations"),
  ("t", ["Abbr.", "Meaning", "First used"], [
     (N, ["TCMS", "Train control and management system", "3.2"]),
     (N, ["MVB", "Multifunction vehicle bus", "4.2"]),
     (N, ["RIO", "Remote input/output module", "title"]),
  ]),
  ("h", "3. Route and operating profile"),
  ("p", I, "3.1 The trains run on the Vessany valley line between Port Ellard and Skarn Pass; the route sections are described in Table 3."),
  ("t", ["Section", "Length [km]", "Altitude [m a.s.l.]", "Max. gradient [‰]", "Ambient temp. [°C]", "Tunnels"], [
     (I, ["Port Ellard - Millbay", "34", "5-60", "8", "-12 / +34", "none"]),
     (I, ["Millbay - Ravenscar", "51", "60-480", "22", "-20 / +31", "3 (total 4.2 km)"]),
     (I, ["Ravenscar - Skarn Pass", "28", "480-1 190", "35", "-33 / +27", "Skarn tunnel 7.8 km"]),
  ]),
  ("t", ["Operating parameter", "Value", "Source"], [
     (I, ["Door cycles per day and door", "≈ 260", "TCMS logs 2024"]),
     (I, ["Service hours per day", "19 (05:00-24:00)", "timetable 2025"]),
     (I, ["Salt spray exposure", "coastal section, winter road salt at level crossings", "depot report"]),
     (I, ["Condensation", "frequent at tunnel exit in winter (cold vehicle, warm humid air)", "maintenance records"]),
  ]),
  ("h", "4. Design conditions for the RIO module"),
  ("t", ["Parameter", "Requirement", "Reference"], [
     (S, ["Operating temperature class", "OT4 (-40 to +70 °C), start-up at -40 °C", "EN 50155"]),
     (S, ["Altitude", "class AX1, operation up to 1 400 m", "EN 50125-1"]),
     (S, ["Shock and vibration", "category 1 class B, body mounted", "EN 61373"]),
     (S, ["Supply", "110 V DC nominal, 77-137.5 V continuous, interruptions S2", "EN 50155"]),
     (S, ["Coating", "conformal coating on both PCB sides, humidity class", "IPC-CC-830"]),
  ]),
  ("p", S, "4.2 The module shall report each door-closed input to the TCMS over MVB within 50 ms."),
]))

DOCS.append(dict(doc="tab5-qa-dunmore-sensor-sq", industry="electronics", doc_type="quality_agreement", blocks=[
  ("h", "Dunmore Instruments: Quality Agreement, Annex B Supplier self-assessment and Annex C Application data"),
  ("p", N, "Annex B is to be completed by the Supplier before the agreement is signed and returned to Dunmore Supplier Quality."),
  ("h", "Annex B: Supplier self-assessment"),
  ("t", ["No.", "Question", "Answer (Y/N)", "Evidence required", "Comment"], [
     (N, ["B1", "Is your QMS certified to ISO 9001 or IATF 16949?", "", "Yes", ""]),
     (N, ["B2", "Do you perform 100 % electrical test of finished sensors?", "", "Yes", ""]),
     (N, ["B3", "Is ESD protection audited at least annually?", "", "No", ""]),
     (N, ["B4", "Are sub-tier suppliers of the MEMS die approved by you?", "", "Yes", "list names"]),
     (N, ["B5", "How many SMT lines do you run for sensor products?", "", "No", ""]),
     (N, ["B6", "Do you have a documented process for obsolescence (PCN/EOL)?", "", "Yes", ""]),
  ]),
  ("h", "Annex C: Application of the sensors at Dunmore customers"),
  ("t", ["Sensor", "End product", "Installed where", "Ambient [°C]", "Expected life [years]"], [
     (I, ["PX-40 pressure", "district heating substation controller", "basement plant rooms", "+5 to +55", "15"]),
     (I, ["HT-12 humidity", "greenhouse climate computer", "inside greenhouses, drip water", "0 to +45, 95 %RH", "10"]),
     (I, ["PX-60 pressure", "hydraulic leveling on mobile cranes", "outdoor, chassis", "-30 to +70", "12"]),
  ]),
  ("h", "Annex D: Quality targets"),
  ("t", ["KPI", "Target", "Measured"], [
     (S, ["Field failure rate", "< 50 ppm per year", "per quarter"]),
     (S, ["Incoming rejection rate", "< 200 ppm", "monthly"]),
     (S, ["8D response, containment", "24 h", "per complaint"]),
  ]),
  ("p", S, "D.2 The Supplier shall notify Dunmore at least 6 months before any change of die source, package or manufacturing site."),
]))

DOCS.append(dict(doc="tab5-minutes-carrow-charger-field-issue", industry="electronics", doc_type="meeting_minutes", blocks=[
  ("h", "Minutes: Carrow Mobility / Halden Power Electronics, field returns of wallbox chargers WB-11"),
  ("kv", [(N, "Date", "14.10.2025, video call"),
          (N, "Participants", "Carrow quality, Carrow service, HPE product engineering, HPE quality"),
          (N, "Minutes by", "Carrow quality")]),
  ("h", "1. Field situation"),
  ("p", I, "1.1 Carrow service summarised the installations with returns; most units are sitting at rural sites with long low-voltage lines."),
  ("t", ["Region", "Installed units", "Returns (Q3)", "Grid voltage measured at site", "Typical installation"], [
     (I, ["Nordland inland", "1 840", "37", "198-252 V, dips to 175 V at evening", "unheated garage"]),
     (I, ["Coastal west", "2 210", "22", "215-245 V", "outdoor wall, sea spray"]),
     (I, ["Metro east", "5 930", "9", "225-238 V", "underground car park"]),
  ]),
  ("p", [I, N], "1.2 At most Nordland sites the charger shares the feeder with heat pumps that start at 17:00. HPE said the failure mode looks like the one seen in 2023 on the predecessor."),
  ("h", "2. Actions"),
  ("t", ["No.", "Action", "Owner", "Due"], [
     (S, ["2.1", "Provide 8D report incl. root cause for the input relay failures", "HPE", "28.10.2025"]),
     (S, ["2.2", "Test 10 WB-11 with voltage dips 175 V / 500 ms, 5 000 cycles, report results", "HPE", "11.11.2025"]),
     (S, ["2.3", "Send 12 returned units with site data to HPE lab", "Carrow service", "17.10.2025"]),
     (N, ["2.4", "Discuss cost sharing for replacements in commercial meeting", "Carrow purchasing", "tbd"]),
     (N, ["2.5", "Circulate minutes and book follow-up call", "Carrow quality", "15.10.2025"]),
  ]),
]))

# ================================================================ medical devices
DOCS.append(dict(doc="tab5-spec-halvorsen-ward-bed-controller", industry="medical devices", doc_type="technical_specification", blocks=[
  ("h", "Halvorsen Care Beds: Requirements specification, hand controller HC-7"),
  ("h", "2. Intended use and users"),
  ("p", I, "2.1 The hand controller is used by patients in acute and geriatric wards to adjust back rest, knee break and height of the bed."),
  ("t", ["User group", "Share of use", "Characteristics"], [
     (I, ["Patients, geriatric", "≈ 60 %", "reduced grip strength, tremor, poor eyesight, often in darkness at night"]),
     (I, ["Patients, post-operative", "≈ 25 %", "one hand free only, IV line in other arm"]),
     (I, ["Nurses and carers", "≈ 15 %", "wear nitrile gloves, use lockout keys"]),
  ]),
  ("h", "3. Use environment"),
  ("t", ["Factor", "Condition in customer hospitals", "Frequency"], [
     (I, ["Disinfection wipes", "alcohol 70 %, quaternary ammonium, chlorine 1 000 ppm", "after each patient, daily"]),
     (I, ["Dropping", "from mattress height (≈ 0.8 m) onto vinyl floor", "several times per day"]),
     (I, ["Liquids", "spilled drinks, urine", "frequent"]),
     (I, ["Bed washing", "automatic bed washer, 80 °C, controller stays attached", "per patient change, some sites"]),
  ]),
  ("h", "4. Product requirements"),
  ("t", ["ID", "Requirement", "Target", "Verification"], [
     (S, ["HC-R01", "Ingress protection", "IPX6 with cable attached", "test per IEC 60529"]),
     (S, ["HC-R02", "Drop resistance", "1.0 m, 6 faces, 3 drops each, fully functional", "test"]),
     (S, ["HC-R03", "Key actuation force", "2.5-4.0 N, tactile feedback", "force gauge"]),
     (S, ["HC-R04", "Backlit symbols", "readable in darkness, ≤ 5 cd/m²", "inspection"]),
     (S, ["HC-R05", "Chemical resistance", "500 wipe cycles with each agent of table 3, no cracking", "test"]),
  ]),
  ("t", ["Regulatory item", "Applies", "Note"], [
     (T, ["Regulation (EU) 2017/745 (MDR), Annex I GSPR", "Yes", "class I, bed accessory"]),
     (S, ["IEC 60601-2-52 medical beds", "Yes", "particular standard chosen by Halvorsen"]),
  ]),
]))

DOCS.append(dict(doc="tab5-rfq-brannholm-endoscope-reprocessing", industry="medical devices", doc_type="rfq_tender", blocks=[
  ("h", "Brannholm Regional Health Trust: Tender BRH-2025-044, Washer-disinfectors for flexible endoscopes"),
  ("p", N, "This tender is conducted as an open procedure; questions may be submitted through the portal until 3 November 2025."),
  ("h", "2. Sites and workload"),
  ("t", ["Site", "Endoscopy rooms", "Procedures / day (avg)", "Peak day", "Opening hours", "Reprocessing room area [m²]"], [
     (I, ["Brannholm University Hospital", "9", "118", "165 (Monday)", "07:00-22:00, on-call nights", "62"]),
     (I, ["Kettlebay Hospital", "4", "41", "58", "07:30-16:00", "28"]),
     (I, ["Harwick Day Clinic", "2", "19", "26", "08:00-15:30", "14 (no floor drain)"]),
  ]),
  ("h", "3. Existing equipment"),
  ("t", ["Site", "Equipment", "Make/model", "Year", "Interface", "Status"], [
     (I, ["Brannholm", "6 EWD, double-chamber", "brand A, model 2", "2013", "none, paper log", "to be replaced"]),
     (I, ["Brannholm", "Drying cabinets, 8", "brand B", "2019", "RFID traceability", "remain"]),
     (I, ["Kettlebay", "3 EWD, single-chamber", "brand C", "2011", "serial printer", "to be replaced"]),
  ]),
  ("h", "4. Utilities at site"),
  ("t", ["Utility", "Brannholm", "Kettlebay", "Harwick"], [
     (I, ["Water hardness [°dH]", "4", "14", "9"]),
     (I, ["Supply voltage", "3x400 V, TN-S", "3x400 V, TN-C-S", "1x230 V only"]),
     (I, ["RO water available", "yes, central plant", "no", "no"]),
  ]),
  ("h", "5. Requirements for the equipment"),
  ("p", [T, S], "5.1 The washer-disinfectors shall conform to EN ISO 15883-4 as harmonised under Regulation (EU) 2017/745 and be CE marked. Each cycle record shall be transferred to the Trust's traceability system via HL7 or a documented REST interface."),
  ("h", "6. Evaluation"),
  ("t", ["Criterion", "Points", "Evidence in offer"], [
     (N, ["Price incl. 8 years service", "40", "price schedule 7"]),
     (N, ["Cycle time and capacity", "25", "data sheet"]),
     (N, ["User evaluation at Brannholm", "25", "demo day"]),
     (N, ["Environmental performance", "10", "water and chemical use per cycle"]),
  ]),
]))

# ================================================================ pharmaceuticals
DOCS.append(dict(doc="tab5-sow-quarrendon-hvac-requalification", industry="pharmaceuticals", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work SOW-QP-117: Requalification of HVAC systems, sterile suite B"),
  ("h", "1. Background"),
  ("p", I, "1.1 Suite B fills aseptic liquid products for clinical trials in a single shift and is shut down for maintenance two weeks each August."),
  ("h", "2. Rooms and systems in scope"),
  ("t", ["Room", "Use", "Grade (in operation)", "Area [m²]", "Design air changes [1/h]", "AHU", "Last qualified"], [
     (I, ["B-101", "Filling, RABS", "A in B", "46", "45", "AHU-B1", "08/2023"]),
     (I, ["B-102", "Component preparation", "C", "31", "25", "AHU-B1", "08/2023"]),
     (I, ["B-103", "Gowning airlock", "B/C", "12", "30", "AHU-B2", "08/2023"]),
     (I, ["B-108", "Material airlock, VHP", "C", "9", "20", "AHU-B2", "n/a - new 2025"]),
  ]),
  ("t", ["System", "Make", "Installed", "BMS connection", "Known issues"], [
     (I, ["AHU-B1", "Luftwerk KX 8", "2016", "Modbus to BMS, alarms only", "humidifier trips above 28 °C outside"]),
     (I, ["AHU-B2", "Luftwerk KX 5", "2016", "Modbus", "none"]),
  ]),
  ("h", "3. Tests to be performed"),
  ("t", ["Test", "Rooms", "Acceptance criterion", "Method"], [
     (S, ["HEPA filter integrity", "all", "penetration ≤ 0.01 %", "aerosol photometer, ISO 14644-3"]),
     (S, ["Air velocity under RABS", "B-101", "0.36-0.54 m/s at working height", "anemometer, 9 points"]),
     (S, ["Pressure cascade", "all", "≥ 10 Pa between grades", "calibrated manometer"]),
     (S, ["Recovery test", "B-102, B-103", "≤ 15 min 100:1", "particle counter"]),
  ]),
  ("p", T, "3.2 The qualification shall be carried out and documented in accordance with EU GMP Annex 1 and Annex 15."),
  ("h", "4. Deliverables"),
  ("t", ["Deliverable", "Due", "Approved by"], [
     (S, ["Qualification protocol", "4 weeks before shutdown", "Quarrendon QA"]),
     (S, ["Executed protocol with raw data", "10 working days after tests", "Quarrendon QA"]),
     (S, ["Summary report with deviations", "20 working days after tests", "Quarrendon QA"]),
  ]),
  ("h", "5. Contacts"),
  ("t", ["Role", "Function", "Phone"], [
     (N, ["Project lead", "Engineering, Quarrendon", "ext. 4410"]),
     (N, ["QA contact", "Validation QA", "ext. 4472"]),
  ]),
]))

DOCS.append(dict(doc="tab5-msa-ellerby-blister-packaging", industry="pharmaceuticals", doc_type="master_supply_agreement", blocks=[
  ("h", "Supply Agreement Ellerby Pharma / Corvane Packaging, Schedule 2 Volumes and Schedule 3 Transport"),
  ("p", S, "2.1 The Supplier shall hold capacity to supply the volumes in Table 2.1 plus 20 % and shall confirm each call-off within 3 working days."),
  ("h", "Schedule 2: Volumes"),
  ("t", ["Item", "Description", "2026 [k pcs]", "2027 [k pcs]", "2028 [k pcs]", "Note"], [
     (I, ["FOIL-PVDC-120", "PVC/PVDC forming film 120 gsm, 250 mm", "5 800", "6 400", "7 100", "launch of Market DE 2027"]),
     (I, ["LID-AL-20", "Alu lidding foil 20 µm, heat-seal lacquer", "5 600", "6 200", "6 900", ""]),
     (I, ["LID-CR-PE", "child-resistant peel-push lidding", "-", "900", "2 400", "new packs for US, tbc"]),
  ]),
  ("p", N, "Volumes in Schedule 2 are forecasts and do not constitute a purchase commitment."),
  ("t", ["Call-off", "Item", "Qty [rolls]", "Delivery date", "Delivery point"], [
     (S, ["CO-2601", "FOIL-PVDC-120", "180", "2026-01-19", "Ellerby Plant 2, goods-in bay 3"]),
     (S, ["CO-2602", "LID-AL-20", "160", "2026-01-19", "Ellerby Plant 2, goods-in bay 3"]),
     (S, ["CO-2603", "FOIL-PVDC-120", "200", "2026-02-16", "Ellerby Plant 2, goods-in bay 3"]),
  ]),
  ("h", "Schedule 3: Transport"),
  ("t", ["Lane", "Distance [km]", "Transit time", "Conditions en route", "Trailer"], [
     (I, ["Corvane Leeds - Ellerby Plant 2", "310", "1 day", "unheated trailer, winter down to -8 °C", "curtain-sider"]),
     (I, ["Ellerby Plant 2 - Contract packer Porto", "2 150", "4-5 days", "summer up to +38 °C in trailer", "reefer not used"]),
  ]),
  ("p", S, "3.2 Rolls shall be wrapped in PE film with desiccant and acclimatised in the packaging hall for 24 h before use, the Supplier shall print this instruction on each pallet label."),
  ("t", ["Party", "Role", "E-mail"], [
     (N, ["Ellerby", "Category manager packaging", "packaging.sourcing@ellerby.example"]),
     (N, ["Corvane", "Key account", "ka.pharma@corvane.example"]),
  ]),
]))

# ================================================================ food
DOCS.append(dict(doc="tab5-spec-marrowgate-tray-sealer", industry="food", doc_type="technical_specification", blocks=[
  ("h", "Marrowgate Foods, Line 6: User requirement specification for an automatic tray sealer"),
  ("h", "1. Products to be run"),
  ("p", I, "1.1 Line 6 packs chilled ready meals for retail customers; the product mix in 2025 is shown in Table 1."),
  ("t", ["Product family", "Tray (mm)", "Fill weight [g]", "Share of volume", "Packs/week", "Atmosphere"], [
     (I, ["Lasagne", "CPET 227x178x45", "400", "34 %", "212 000", "MAP 70/30 N2/CO2"]),
     (I, ["Curry & rice, twin-compartment", "PP 230x180x40", "450", "27 %", "168 000", "air"]),
     (I, ["Shepherd's pie", "CPET 190x140x50", "400", "22 %", "137 000", "MAP"]),
     (I, ["Seasonal specials", "various", "350-500", "17 %", "up to 110 000", "MAP or air"]),
  ]),
  ("h", "2. Site and hall"),
  ("kv", [(I, "Hall temperature", "8-12 °C, high-care area"),
          (I, "Cleaning", "foam cleaning with alkaline chlorinated agent, rinse 60 °C, daily"),
          (I, "Floor space available", "5.2 m x 2.4 m between depositor and checkweigher"),
          (I, "Compressed air at the hall", "6.0-7.2 bar, dew point +3 °C, oil content not measured"),
          (I, "Shifts", "2 x 8 h, 6 days, sanitation night shift")]),
  ("h", "3. Required performance"),
  ("t", ["Product family", "Required output [packs/min]", "Residual O2", "Seal integrity", "Changeover"], [
     (S, ["Lasagne", "≥ 80", "≤ 0.8 %", "no leak in 100 % inline test", "≤ 15 min"]),
     (S, ["Curry & rice", "≥ 72", "n/a", "no leak, peel force 10-18 N/15 mm", "≤ 15 min"]),
     (S, ["Shepherd's pie", "≥ 80", "≤ 0.8 %", "no leak", "≤ 15 min"]),
  ]),
  ("p", S, "3.2 All product contact parts shall be of stainless steel AISI 316 or FDA-listed plastics, designed for foam cleaning without tools."),
  ("p", T, "3.3 Materials in contact with food shall comply with Regulation (EC) No 1935/2004 and a declaration of compliance shall be supplied."),
  ("t", ["Role", "Department", "Date approved"], [
     (N, ["Prepared", "Engineering projects", "08/09/2025"]),
     (N, ["Approved", "Operations manager Line 6", "15/09/2025"]),
  ]),
]))

DOCS.append(dict(doc="tab5-po-ashcombe-dairy-crates", industry="food", doc_type="purchase_order", blocks=[
  ("h", "Ashcombe Dairy Co-operative: Purchase order 7730-0912"),
  ("kv", [(N, "Order number", "7730-0912"),
          (N, "Date", "03.12.2025"),
          (N, "Supplier no.", "40127"),
          (S, "Delivery terms", "FCA Supplier's works, Incoterms 2020, loading by Supplier"),
          (S, "Invoice to", "Accounts payable, quoting order number and crate code, PDF only"),
          (S, "Payment terms", "30 days net"),
          (N, "Buyer", "Procurement, packaging category")]),
  ("h", "Order lines"),
  ("t", ["Line", "Crate code", "Description", "Colour", "Qty", "Week"], [
     (S, ["1", "MC-20", "Milk crate 20 x 1 L bottles, HDPE, hot stamped logo", "blue", "12,000", "2026-W04"]),
     (S, ["2", "MC-20", "Milk crate 20 x 1 L bottles, HDPE, hot stamped logo", "blue", "12,000", "2026-W08"]),
     (S, ["3", "YC-12", "Yoghurt crate for 12 x 500 g pots", "white", "6,500", "2026-W08"]),
  ]),
  ("t", ["Forecast", "Crate code", "Qty", "Month"], [
     (I, ["non-binding", "MC-20", "10,000", "April 2026"]),
     (I, ["non-binding", "YC-12", "8,000", "May 2026"]),
  ]),
  ("h", "Handling at Ashcombe"),
  ("t", ["Step", "Condition", "Cycles per crate and year"], [
     (I, ["Crate washer", "caustic 1.5 %, 82 °C, 40 s, then rinse", "≈ 90"]),
     (I, ["Cold store", "+2 °C, stacks 10 high on stillages", "≈ 90"]),
     (I, ["Delivery rounds", "roller cages on floats, dropped from tail lift", "≈ 90"]),
  ]),
  ("p", S, "Crates shall be delivered on 1 200 x 1 000 pallets, stacks of 10, stretch-wrapped and labelled with crate code and production date."),
]))

DOCS.append(dict(doc="tab5-minutes-fellbrook-oven-trial", industry="food", doc_type="meeting_minutes", blocks=[
  ("h", "Fellbrook Bakeries: Minutes of oven trial review, Tunnel oven replacement, Line 2"),
  ("kv", [(N, "Meeting", "Trial review no. 2"),
          (N, "Attendees", "Fellbrook production, Fellbrook engineering, oven supplier project team")]),
  ("h", "1. Current line data"),
  ("p", I, "1.1 Fellbrook production confirmed the loading of Line 2 that the new oven will have to carry from spring 2026."),
  ("t", ["Product", "Bake time [min]", "Bake temp. today [°C]", "Output today [kg/h]", "Days / week", "Planned 2026 [kg/h]"], [
     (I, ["Sandwich loaf 800 g", "32", "235", "2 400", "6", "2 900"]),
     (I, ["Seeded batch 600 g", "28", "240", "1 100", "3", "1 100"]),
     (I, ["Burger buns 85 g", "9", "225", "1 650", "5", "2 000"]),
  ]),
  ("p", I, "1.2 Gas supply pressure at the bakery drops to 18 mbar in cold weeks, when the district network is loaded."),
  ("h", "2. Trial results"),
  ("t", ["Parameter", "Target", "Result trial 2", "Status"], [
     (S, ["Crust colour L* (loaf)", "52 ± 3", "54.1", "OK"]),
     (S, ["Core temperature at exit", "≥ 96 °C", "97.2 °C", "OK"]),
     (S, ["Weight loss", "≤ 10.5 %", "11.2 %", "not OK, rework"]),
  ]),
  ("h", "3. Actions"),
  ("t", ["Action", "Who", "When"], [
     (S, ["Adjust zone 3 burner and repeat loaf trial, report weight loss", "Supplier", "wk 46"]),
     (S, ["Confirm burner performance at 18 mbar gas pressure in writing", "Supplier", "wk 46"]),
     (N, ["Book test bakery for trial 3", "Fellbrook engineering", "wk 45"]),
  ]),
]))

# ================================================================ chemicals
DOCS.append(dict(doc="tab5-spec-harnhill-dosing-skid", industry="chemicals", doc_type="technical_specification", blocks=[
  ("h", "Harnhill Chemicals, Teesbank site: Specification for a sodium hypochlorite dosing skid"),
  ("t", ["Rev", "Date", "Description", "By / Chk"], [
     (None, ["0", "17/03/2025", "Issued for enquiry", "process / mech"]),
     (None, ["1", "02/06/2025", "Utilities table corrected, shock dosing case added", "process / mech"]),
  ]),
  ("h", "1. Site conditions"),
  ("p", I, "1.1 The skid will stand in the existing tank farm bund B4, which is open on one side and lies 400 m from the estuary."),
  ("t", ["Item", "Value", "Remark"], [
     (I, ["Ambient temperature range (site data)", "-15 °C / +32 °C", "Met Office station, 30-year record"]),
     (I, ["Atmosphere", "coastal, chlorides, traces of HCl from unit 7 vent", "corrosivity C5-I observed on steelwork"]),
     (I, ["Hazardous area", "none in bund B4", "per site area classification drawing"]),
     (I, ["Seismic", "not considered at this site", ""]),
  ]),
  ("h", "2. Utilities available"),
  ("t", ["Utility", "Normal", "Min. / max.", "Quality as supplied"], [
     (I, ["Instrument air", "6.5 barg", "5.5 / 7.5 barg", "dew point -20 °C, occasionally wet after compressor trips"]),
     (I, ["Power", "400 V 3ph 50 Hz", "± 10 %, dips during pump starts", "TN-S"]),
     (I, ["Service water", "3.5 barg", "2.8 / 4.5 barg", "towns water, hardness 280 mg/l CaCO3"]),
  ]),
  ("h", "3. Process duty"),
  ("t", ["Case", "Flow NaOCl 14 % [l/h]", "Discharge pressure [barg]", "Hours/year"], [
     (I, ["Summer, cooling tower dosing", "120", "4.0", "3 800"]),
     (I, ["Winter", "45", "3.6", "4 200"]),
     (I, ["Shock dosing", "260", "4.2", "150"]),
  ]),
  ("h", "4. Design requirements"),
  ("t", ["Requirement", "Value"], [
     (S, ["Pump turndown", "1:100, accuracy ± 1 % of setpoint"]),
     (S, ["Wetted materials", "PVDF / PTFE, no stainless steel"]),
     (S, ["Degassing", "automatic degassing valve on each pump head"]),
     (S, ["Signals to DCS", "4-20 mA flow, run/fault, leak alarm; setpoint by 4-20 mA"]),
  ]),
  ("p", T, "4.2 The skid is pressure equipment within Article 4(3) of Directive 2014/68/EU and shall be supplied with a declaration of conformity stating this."),
  ("p", S, "4.3 A spill tray sized for 110 % of the largest hose content shall be included."),
]))

DOCS.append(dict(doc="tab5-rfq-welbourne-solvent-recovery", industry="chemicals", doc_type="rfq_tender", blocks=[
  ("h", "Welbourne Coatings: Invitation to tender, Solvent recovery and waste solvent collection 2026-2028"),
  ("p", N, "Welbourne Coatings Ltd manufactures industrial and marine paints at its Ridgeford plant."),
  ("h", "1. Waste solvent streams"),
  ("t", ["Stream", "Main components", "Solids [%]", "Flash point [°C]", "Volume [t/month]", "Container"], [
     (I, ["WS-1 Gun wash", "xylene, butyl acetate", "3-8", "24", "42", "IBC 1 000 l"]),
     (I, ["WS-2 Vessel cleaning", "MEK, toluene, acetone", "10-20", "< 0", "18", "200 l drums"]),
     (I, ["WS-3 Epoxy line flush", "MIBK, benzyl alcohol", "5-15", "31", "9¹", "200 l drums"]),
  ]),
  ("p", N, "¹ stream WS-3 starts in March 2026."),
  ("t", ["Month", "Total waste solvent [t]", "Reason"], [
     (I, ["January", "58", "annual shutdown cleaning"]),
     (I, ["June-August", "79 per month", "marine season, extra vessel cleaning"]),
     (I, ["December", "41", "reduced production"]),
  ]),
  ("h", "2. Contract requirements"),
  ("t", ["No.", "Requirement", "Value"], [
     (S, ["2.1", "Collection lead time after call-off", "≤ 3 working days"]),
     (S, ["2.2", "Recovered solvent purity returned (WS-1)", "≥ 98.5 %, water ≤ 0.1 %"]),
     (T, ["2.3", "Waste transfer notes and consignment notes", "per Hazardous Waste Regulations 2005"]),
     (T, ["2.4", "Carriage as dangerous goods", "ADR, UN 1263 / UN 1993, driver with ADR certificate"]),
  ]),
  ("h", "3. Bidder questionnaire"),
  ("t", ["Q", "Question", "Format", "Bidder answer"], [
     (N, ["3.1", "Name of recovery plant and its environmental permit number", "text", ""]),
     (N, ["3.2", "Distillation capacity available for Welbourne [t/month]", "number", ""]),
     (N, ["3.3", "Number of ADR tankers / box vans in fleet", "number", ""]),
  ]),
  ("h", "4. Rates (bidder to complete)"),
  ("t", ["Service", "Unit", "Rate GBP"], [
     (N, ["Collection per IBC, WS-1", "IBC", ""]),
     (N, ["Collection per drum, WS-2/WS-3", "drum", ""]),
     (N, ["Credit for recovered xylene returned", "t", ""]),
  ]),
]))

# ================================================================ construction
DOCS.append(dict(doc="tab5-spec-rosmarsh-bridge-bearings", industry="construction", doc_type="technical_specification", blocks=[
  ("h", "Rosmarsh Viaduct rehabilitation: Particular specification PS-07, Structural bearings"),
  ("h", "7.1 Site and structure"),
  ("p", I, "7.1.1 The viaduct carries the B-road over the Rosmarsh river with 7 continuous spans of 38 m; the deck is post-tensioned concrete built in 1974."),
  ("p", I, "7.1.2 Climatic data for the site are given in Table 7.1 (nearest station, 1991-2020 averages)."),
  ("t", ["Month", "Mean min [°C]", "Mean max [°C]", "Frost days", "Rain [mm]"], [
     (I, ["January", "-3.8", "2.1", "21", "64"]),
     (I, ["April", "1.9", "11.6", "8", "41"]),
     (I, ["July", "11.4", "22.7", "0", "78"]),
     (I, ["October", "4.6", "12.3", "3", "83"]),
  ]),
  ("t", ["Traffic data", "Value", "Year"], [
     (I, ["AADT", "9 400 veh/day", "2024 count"]),
     (I, ["Heavy goods share", "14 %, quarry traffic on weekdays", "2024 count"]),
     (I, ["De-icing salt", "approx. 35 applications per winter", "highway depot"]),
  ]),
  ("h", "7.2 Bearing schedule"),
  ("t", ["Axis", "Type", "Vert. load SLS [kN]", "Long. movement [mm]", "Rotation [rad]", "Qty"], [
     (S, ["A0, A7", "elastomeric, guided", "2 150", "± 85", "0.010", "4"]),
     (S, ["P1-P3, P5-P6", "pot bearing, free sliding", "6 800", "± 60", "0.006", "10"]),
     (S, ["P4", "pot bearing, fixed", "7 100", "0", "0.006", "2"]),
  ]),
  ("p", S, "7.2.2 Bearings shall be designed, manufactured and tested to EN 1337 and replaceable with a deck lift of not more than 10 mm."),
  ("p", T, "7.2.3 Bearings shall bear CE marking on the basis of a declaration of performance under Regulation (EU) No 305/2011."),
  ("h", "Document control"),
  ("t", ["Issue", "Date", "Purpose", "Checked"], [
     (None, ["P01", "2025-04-03", "for comment", "JRL"]),
     (None, ["C01", "2025-07-21", "for tender", "JRL"]),
  ]),
]))

DOCS.append(dict(doc="tab5-rfq-hollowmere-school-modules", industry="construction", doc_type="rfq_tender", blocks=[
  ("h", "Hollowmere District Council: Tender for temporary modular classrooms, Fenby Primary School"),
  ("h", "Section 2: The site"),
  ("kv", [(I, "Site area available", "approx. 1 450 m², former hard play area, tarmac"),
          (I, "Ground conditions", "made ground over clay, CBR 3 % measured in 2019"),
          (I, "Access", "single lane via School Lane, width 3.1 m between bollards, no HGV over 18 t"),
          (I, "Existing services", "LV supply 100 A 3-phase at kiosk, water main 32 mm, foul drain 12 m away"),
          (I, "Occupation", "school remains open, 310 pupils aged 4-11 during the works")]),
  ("p", I, "2.2 The modules will be in use for an estimated four school years while the main building is rebuilt."),
  ("h", "Section 3: Accommodation"),
  ("t", ["Space", "No.", "Users", "Use per day"], [
     (I, ["Classroom", "6", "30 pupils + 2 staff each", "08:30-15:30, after-school club to 18:00"]),
     (I, ["Toilets", "2 blocks", "all pupils", "heavy, incl. disabled pupils in wheelchair"]),
     (I, ["Staff room", "1", "14 staff", "breaks and meetings"]),
  ]),
  ("h", "Section 4: Performance requirements"),
  ("t", ["Element", "Requirement", "Evidence"], [
     (S, ["Classroom acoustics", "reverberation time ≤ 0.6 s, BB93 values", "acoustic test report"]),
     (S, ["Ventilation", "CO2 below 1 500 ppm daily average with 32 occupants", "calculation + commissioning log"]),
     (T, ["Fire safety", "compliance with Building Regulations Approved Document B", "building control completion certificate"]),
     (S, ["Handover", "all modules operational by 24 August 2026", "handover certificate"]),
  ]),
  ("h", "Section 6: Pricing schedule (to be completed)"),
  ("t", ["Ref.", "Item", "Qty", "Unit", "Rate £", "Amount £"], [
     (N, ["6.1", "Delivery and installation of classroom modules", "6", "nr", "", ""]),
     (N, ["6.2", "Toilet blocks", "2", "nr", "", ""]),
     (N, ["6.3", "Hire per week, all modules", "208", "wk", "", ""]),
     (N, ["6.4", "Removal and reinstatement of play area", "1", "item", "", ""]),
  ]),
  ("p", N, "Tenders must remain open for acceptance for 120 days."),
]))

DOCS.append(dict(doc="tab5-minutes-glenholt-tunnel-ventilation", industry="construction", doc_type="meeting_minutes", blocks=[
  ("h", "Glenholt Road Tunnel refurbishment: Design meeting no. 7, Ventilation"),
  ("kv", [(N, "Date/place", "12 Nov 2025, site office"),
          (N, "Present", "Client (tunnel operator), main contractor, ventilation subcontractor, designer"),
          (N, "Distribution", "all present + client's safety officer")]),
  ("h", "1. Input data confirmed by the tunnel operator"),
  ("t", ["Parameter", "Value", "Comment"], [
     (I, ["Tunnel length / lanes", "1 260 m, 2 lanes uni-directional", "longitudinal gradient 2.8 % down"]),
     (I, ["Traffic, peak hour", "1 850 veh/h, 9 % HGV", "congestion daily 07:30-08:45"]),
     (I, ["Portal wind", "up to 9 m/s against traffic at west portal", "measured 2021-2024"]),
     (I, ["Existing jet fans", "14 pcs, 30 kW, installed 1998", "8 to be re-used"]),
  ]),
  ("p", [I, N], "1.1 The operator said the tunnel can only be closed at nights, 22:00 to 05:00, Sunday to Thursday. The designer noted that the old fan calculation could not be found."),
  ("h", "2. Actions"),
  ("t", ["Ref.", "Action", "By", "Date"], [
     (S, ["7.1", "Submit fan selection with thrust at 40 °C and 250 °C / 2 h", "Vent. subcontractor", "28 Nov"]),
     (S, ["7.2", "Provide condition survey of the 8 re-used jet fans", "Vent. subcontractor", "5 Dec"]),
     (S, ["7.3", "Issue night closure programme for installation", "Main contractor", "5 Dec"]),
     (N, ["7.4", "Issue minutes", "Designer", "14 Nov"]),
  ]),
]))

# ================================================================ automotive
DOCS.append(dict(doc="tab5-spec-verano-seat-adjust-motor", industry="automotive", doc_type="technical_specification", blocks=[
  ("h", "Verano Seating Systems: Component technical specification CTS-0811, Seat height adjust motor"),
  ("h", "3. Vehicle and usage profile"),
  ("p", I, "3.1 The motor is used in the driver and passenger seats of the compact SUV platform V-40, produced for Europe, China and the Middle East."),
  ("t", ["Usage parameter", "Average customer", "95th percentile", "Source"], [
     (I, ["Vehicle life", "15 years", "15 years", "OEM"]),
     (I, ["Seat height adjustments per day", "1.2", "8 (shared vehicles, fleets)", "OEM usage study"]),
     (I, ["Occupant mass", "78 kg", "125 kg", "OEM"]),
  ]),
  ("t", ["Ambient temp. in seat area [°C]", "Share of operating time [%]", "Typical situation"], [
     (I, ["-40 to -10", "4", "cold start, Nordic winter"]),
     (I, ["-10 to +25", "61", "normal driving"]),
     (I, ["+25 to +60", "30", "summer, heated seat on"]),
     (I, ["+60 to +85", "5", "parked in sun, Middle East"]),
  ]),
  ("h", "4. Validation tests"),
  ("t", ["Test", "Condition", "Samples", "Pass criterion"], [
     (S, ["Endurance", "60 000 cycles with 125 kg dummy, temperature distribution acc. to table 3.2", "6", "no failure, speed drop ≤ 15 %"]),
     (S, ["Cold start", "-40 °C, 9 V supply", "6", "start within 300 ms"]),
     (S, ["Noise", "in seat, 13.5 V, 100 kg", "3", "≤ 38 dB(A) at head position"]),
     (S, ["Humidity", "85 °C / 85 %RH, 500 h", "3", "insulation > 10 MΩ"]),
  ]),
  ("p", S, "4.2 Test reports shall be submitted in the PPAP package at latest 8 weeks before SOP."),
  ("t", ["Name", "Department", "Approved"], [
     (N, ["Author", "Seat mechanisms engineering", "signed"]),
     (N, ["Approver", "Validation", "signed"]),
  ]),
]))

DOCS.append(dict(doc="tab5-rfq-tamsin-wheel-bolts", industry="automotive", doc_type="rfq_tender", blocks=[
  ("h", "Tamsin Trucks: RFQ Q-2025-3307 Wheel bolts and nuts, programme T-Line"),
  ("h", "1. Programme data"),
  ("t", ["Model year", "Vehicles / year", "Bolts per vehicle", "Annual volume [pcs]", "Plant"], [
     (I, ["2027", "9 500", "40", "380 000", "Tamsin Bredby"]),
     (I, ["2028", "14 200", "40", "568 000", "Tamsin Bredby + Kivra"]),
     (I, ["2029-2033", "16 000", "40-50 (6x4 variant)", "≈ 700 000", "both plants"]),
  ]),
  ("p", N, "Volumes are the current planning basis and are given without commitment."),
  ("h", "2. Application"),
  ("t", ["Axle", "Wheel", "Torque in service [Nm]", "Use", "Road conditions"], [
     (I, ["Front steer", "22.5\" alu", "600", "long haul", "winter salt, Nordic"]),
     (I, ["Drive, twin", "22.5\" steel", "600", "construction tipper", "gravel, curb strikes"]),
  ]),
  ("h", "3. Part requirements"),
  ("t", ["Feature", "Requirement", "Ref."], [
     (S, ["Property class", "10.9", "ISO 898-1"]),
     (S, ["Coating", "zinc flake, 720 h NSS without red rust", "TS-2201"]),
     (S, ["Traceability", "heat lot marked on head", "TS-0004"]),
  ]),
  ("h", "4. Supplier questionnaire"),
  ("t", ["Item", "Question", "Answer type", "Answer"], [
     (N, ["Q1", "Do you forge in-house or buy blanks?", "in-house / bought", ""]),
     (N, ["Q2", "Is the heat treatment line CQI-9 assessed?", "Y/N, date of last assessment", ""]),
     (N, ["Q3", "Which other truck OEMs do you supply wheel bolts to?", "free text", ""]),
  ]),
  ("h", "5. Quotation form"),
  ("t", ["Part no.", "Description", "Price/1000 pcs EUR", "Tooling EUR", "Lead time"], [
     (N, ["T-448120", "Wheel bolt M22x1.5x94", "", "", ""]),
     (N, ["T-448131", "Wheel nut M22x1.5, flanged", "", "", ""]),
  ]),
  ("p", N, "Quotations are to be submitted via the supplier portal by 19 December 2025."),
]))

DOCS.append(dict(doc="tab5-msa-caldmore-returnable-packaging", industry="automotive", doc_type="master_supply_agreement", blocks=[
  ("h", "Caldmore Automotive Interiors: Logistics Annex L-3 to the Supply Agreement, Returnable packaging"),
  ("p", S, "L3.1 The Supplier shall ship all parts in the returnable containers assigned in Table L3-2 and shall keep a float of containers sufficient for 12 working days."),
  ("h", "Table L3-1: Lanes and conditions"),
  ("t", ["Lane", "Mode", "Transit [days]", "Handling en route", "Climate en route", "Frequency"], [
     (I, ["Supplier plant Győr - Caldmore Zwickau", "FTL", "2", "cross-dock Brno, 2 fork-lift moves", "-15 to +35 °C, not heated", "daily"]),
     (I, ["Supplier plant Győr - Caldmore Puebla", "sea container via Hamburg", "34", "4 crane/fork-lift moves", "up to +55 °C in container, condensation", "weekly"]),
     (I, ["Caldmore Zwickau - empties return", "FTL", "2", "stacked 6 high, nested", "outdoor yard storage up to 10 days", "3 per week"]),
  ]),
  ("h", "Table L3-2: Container assignment"),
  ("t", ["Part no.", "Part", "Container", "Parts/container", "Dunnage"], [
     (S, ["CI-77120", "Door trim upper, L", "KLT 6429", "8", "foam inlays, grey"]),
     (S, ["CI-77121", "Door trim upper, R", "KLT 6429", "8", "foam inlays, grey"]),
     (S, ["CI-80405", "Console lid", "GLT 1208", "60", "PP divider, antistatic"]),
  ]),
  ("p", S, "L3.4 Containers shall be cleaned before reuse, labels shall be removed and a new VDA 4902 label applied."),
  ("p", I, "L3.5 At Caldmore Zwickau the containers are going directly to line side with tugger train, there is no repacking area."),
  ("t", ["Contact", "Function", "Plant"], [
     (N, ["Container management", "Logistics planning", "Zwickau"]),
     (N, ["Supplier logistics", "Customer service", "Győr"]),
  ]),
]))

# ================================================================ aerospace and defence
DOCS.append(dict(doc="tab5-spec-brightling-shelter-ecu", industry="aerospace and defence", doc_type="technical_specification", blocks=[
  ("h", "Brightling Defence Systems: Performance specification PS-2209, Environmental control unit for C2 shelter"),
  ("h", "3.1 Deployment areas"),
  ("p", I, "3.1.1 The shelters are deployed by the land forces for command posts; the deployment areas and their climate are summarised below."),
  ("t", ["Area", "Climatic category", "Day max [°C]", "Solar load [W/m²]", "Altitude [m]", "Dust / sand"], [
     (I, ["Northern Europe, winter exercise", "C2 (cold)", "-10", "n/a", "0-1 000", "low"]),
     (I, ["Mediterranean", "A3 (intermediate)", "+39", "1 120", "0-1 500", "moderate"]),
     (I, ["Desert missions", "A1 (hot dry)", "+49", "1 120", "up to 2 400", "high, blowing sand"]),
  ]),
  ("t", ["Heat load inside shelter", "Watts", "Note"], [
     (I, ["C2 workstations (6)", "2 100", "24/7 operation"]),
     (I, ["Radio rack", "1 400", "peaks during transmission"]),
     (I, ["Personnel (8)", "960", "seated work"]),
  ]),
  ("h", "3.2 Required performance"),
  ("t", ["Operating point", "Ambient [°C]", "Inside [°C]", "Cooling / heating capacity [kW]", "Power input max [kW]"], [
     (S, ["OP1 hot", "+49, solar 1 120 W/m²", "≤ 27", "≥ 7.5 cooling", "4.8"]),
     (S, ["OP2 intermediate", "+39", "≤ 24", "≥ 6.0 cooling", "3.6"]),
     (S, ["OP3 cold", "-32", "≥ 18", "≥ 5.0 heating", "5.5"]),
  ]),
  ("p", S, "3.2.2 Performance shall be verified in a climatic chamber per MIL-STD-810H Method 501.7 and 502.7 at OP1 and OP3."),
  ("p", T, "3.2.3 The refrigerant and any fluorinated gases shall comply with Regulation (EU) 2024/573, and the equipment shall be labelled accordingly."),
]))

DOCS.append(dict(doc="tab5-sow-orrinsford-gse-refurbishment", industry="aerospace and defence", doc_type="statement_of_work", blocks=[
  ("h", "Orrinsford Air Base: Statement of Work, Refurbishment of ground support equipment"),
  ("h", "1. Equipment to be refurbished"),
  ("t", ["Tag", "Equipment", "Manufacturer", "Year", "Hours", "Condition (survey 2025)"], [
     (I, ["GSE-031", "Hydraulic ground cart, 3 000 psi", "Manufacturer X", "2006", "4 310", "hoses cracked, leaking pump seal"]),
     (I, ["GSE-034", "Hydraulic ground cart, 3 000 psi", "Manufacturer X", "2006", "3 980", "serviceable, paint damage"]),
     (I, ["GSE-052", "Nitrogen servicing cart", "Manufacturer Y", "2011", "n/a", "bottle rack corroded"]),
     (I, ["GSE-077", "Diesel ground power unit 90 kVA", "Manufacturer Z", "2009", "11 200", "engine overhaul due"]),
  ]),
  ("p", I, "1.2 The equipment is used on an open flight line exposed to jet blast, de-icing fluid and winter temperatures to -25 °C."),
  ("h", "2. Work and deliverables"),
  ("t", ["WBS", "Task", "Deliverable", "Due"], [
     (S, ["2.1", "Strip, inspect and quote repairs for each item", "inspection report with photos", "3 weeks after collection"]),
     (S, ["2.2", "Replace hoses, seals and filters; pressure test hydraulic carts", "test certificate", "10 weeks after approval"]),
     (S, ["2.3", "Repaint in RAL 6014, stencil tag numbers", "paint records", "with 2.2"]),
     (S, ["2.4", "Overhaul GPU engine, load bank test 2 h at 90 kVA", "load bank report", "12 weeks after approval"]),
  ]),
  ("p", T, "2.5 The nitrogen bottles shall be inspected and re-certified as required by the Pressure Equipment (Safety) Regulations 2016 and the transportable pressure equipment rules."),
  ("h", "3. Contacts"),
  ("t", ["Function", "Organisation", "Telephone"], [
     (N, ["Contracting officer", "Base procurement cell", "switchboard, ext. 215"]),
     (N, ["Technical authority", "GSE section", "switchboard, ext. 377"]),
  ]),
]))

# ================================================================ software and IT services
DOCS.append(dict(doc="tab5-rfq-castleby-council-itsm", industry="software and IT services", doc_type="rfq_tender", blocks=[
  ("h", "Castleby City Council: Invitation to Tender, IT service management platform and service desk"),
  ("h", "2. Current environment"),
  ("t", ["Location", "Staff (users)", "Opening hours", "On-site IT", "Network"], [
     (I, ["Civic Centre", "1 120", "Mon-Fri 07:30-18:30", "yes, 6 FTE", "1 Gbit fibre"]),
     (I, ["Depots (3)", "540", "06:00-22:00, 7 days in winter gritting", "no", "VPN over 4G"]),
     (I, ["Libraries (9)", "160 + public PCs", "incl. Saturdays", "no", "shared 100 Mbit"]),
     (I, ["Home workers", "≈ 700", "flexible", "n/a", "internet"]),
  ]),
  ("t", ["System", "Product / version", "Hosting", "Integration today"], [
     (I, ["Service desk tool", "legacy on-premise, v8.2 (end of support 2026)", "own data centre", "e-mail only"]),
     (I, ["Identity", "AD on-premise + Entra ID", "hybrid", "nightly sync"]),
     (I, ["HR", "payroll/HR suite", "SaaS", "CSV export weekly"]),
  ]),
  ("t", ["Ticket statistic (2024)", "Value", "Source"], [
     (I, ["Tickets per month, average", "4 300", "service desk tool report"]),
     (I, ["Peak month", "7 900 in September (school term start)", "service desk tool report"]),
     (I, ["Share raised by phone", "58 %", "telephony statistics"]),
  ]),
  ("h", "3. Requirements"),
  ("t", ["ID", "Requirement", "Priority"], [
     (S, ["R-11", "Single sign-on with Entra ID (SAML 2.0 or OIDC)", "Must"]),
     (S, ["R-12", "Starter/leaver tickets created automatically from HR data feed", "Must"]),
     (S, ["R-19", "Self-service portal accessible to WCAG 2.2 AA", "Must"]),
     (T, ["R-20", "Personal data processed in UK/EEA, compliant with UK GDPR and the Data Protection Act 2018", "Must"]),
  ]),
  ("h", "4. Evaluation"),
  ("t", ["Criterion", "Weighting", "Assessed on"], [
     (N, ["Quality (functional fit, demo)", "60 %", "method statements and scripted demonstration"]),
     (N, ["Price (5-year cost)", "30 %", "pricing schedule, Appendix F"]),
     (N, ["Social value", "10 %", "social value commitments, TOMs"]),
  ]),
]))

DOCS.append(dict(doc="tab5-spec-wendover-integration-engine", industry="software and IT services", doc_type="technical_specification", blocks=[
  ("h", "Wendover Health Partnership: Interface specification for replacement integration engine"),
  ("h", "1. Existing interfaces"),
  ("p", I, "1.1 The current engine connects the systems below; all run on the partnership's private network and most send HL7 v2 over MLLP."),
  ("t", ["Source", "Target", "Message", "Volume / day", "Peak / hour", "Protocol"], [
     (I, ["Patient administration", "Lab system", "ADT A01-A08", "11 500", "1 900 (08-09h)", "HL7 v2.4, MLLP"]),
     (I, ["Lab system", "Electronic record", "ORU R01", "46 000", "6 200", "HL7 v2.3, MLLP"]),
     (I, ["Radiology (RIS)", "Electronic record", "ORU, reports as PDF", "2 300", "310", "HL7 v2.5 + file share"]),
     (I, ["Pharmacy", "Ward cabinets", "RDE O11", "8 800", "1 400", "HL7 v2.5, TCP"]),
  ]),
  ("p", I, "1.2 About 12 % of lab messages today arrive out of sequence after network outages and are corrected by hand."),
  ("h", "2. Required interface capabilities"),
  ("t", ["No.", "Capability", "Measure"], [
     (S, ["IC-1", "Throughput", "≥ 20 000 messages/hour sustained, ≤ 2 s latency at P95"]),
     (S, ["IC-2", "Message order", "FIFO per patient, with automatic resend after outage"]),
     (S, ["IC-3", "FHIR R4 endpoint", "Patient, Encounter, Observation resources"]),
     (S, ["IC-4", "Monitoring", "queue depth alarms to the service desk tool"]),
  ]),
  ("h", "Glossary"),
  ("t", ["Term", "Definition"], [
     (N, ["ADT", "Admit, discharge, transfer messages"]),
     (N, ["MLLP", "Minimal lower layer protocol"]),
     (N, ["P95", "95th percentile of measured values"]),
  ]),
  ("h", "Distribution"),
  ("t", ["Copy", "Recipient", "Format"], [
     (N, ["1", "Partnership digital programme board", "PDF"]),
     (N, ["2", "Bidders shortlisted in lot 2", "PDF via tender portal"]),
  ]),
]))

DOCS.append(dict(doc="tab5-qa-ravensholt-saas-security", industry="software and IT services", doc_type="quality_agreement", blocks=[
  ("h", "Ravensholt Insurance: Supplier security and quality schedule, Claims SaaS"),
  ("h", "Part A: Customer profile"),
  ("t", ["Item", "Ravensholt data", "As of"], [
     (I, ["Named users", "2 150 claims handlers in 6 countries", "Q2 2025"]),
     (I, ["Concurrent users, peak", "1 300, Mondays 09:00-11:00 CET", "2024"]),
     (I, ["Storm events", "claims volume x 6 for up to 2 weeks", "storm season 2023/24"]),
     (I, ["Data held", "claimant health data, bank details, photos", "current"]),
  ]),
  ("h", "Part B: Service levels"),
  ("t", ["Service level", "Target", "Service credit"], [
     (S, ["Availability 06:00-22:00 CET", "99.9 % per month", "5 % of monthly fee per 0.1 % below"]),
     (S, ["Severity 1 response", "15 minutes, 24/7", "n/a"]),
     (S, ["RPO / RTO", "15 min / 4 h", "n/a"]),
  ]),
  ("h", "Part C: Supplier security questionnaire"),
  ("t", ["Ref.", "Question", "Response", "Evidence"], [
     (N, ["C-01", "Do you hold ISO/IEC 27001 certification for the service?", "", "Required"]),
     (N, ["C-02", "Where are production and backup data hosted?", "", "Optional"]),
     (N, ["C-03", "Do you perform annual external penetration tests?", "", "Required"]),
     (N, ["C-04", "Describe your privileged access management.", "", "Policy extract"]),
     (N, ["C-05", "Have you had a reportable data breach in the last 3 years?", "", "Not required"]),
  ]),
  ("p", T, "C.2 Regardless of the answers, the Supplier shall notify Ravensholt of any personal data breach without undue delay and within 24 hours, so that Ravensholt can meet its duty under Article 33 GDPR."),
]))

# ================================================================ logistics
DOCS.append(dict(doc="tab5-rfq-haverford-parcel-linehaul", industry="logistics", doc_type="rfq_tender", blocks=[
  ("h", "Haverford Parcel Network: Tender for trunking services 2026, Lot 3 (north)"),
  ("h", "1. Lanes in Lot 3"),
  ("t", ["Lane", "From hub", "To depot", "km", "Trailers / night (avg)", "Peak (Nov-Dec)", "Departure window"], [
     (I, ["L3-01", "Midland Hub", "Northgate", "212", "6", "11", "21:30-23:00"]),
     (I, ["L3-02", "Midland Hub", "Tarnby", "268", "4", "7", "21:45-23:15"]),
     (I, ["L3-04", "Northgate", "Skellow", "96", "2", "3", "02:00-02:30"]),
     (I, ["L3-07", "Midland Hub", "Brackley Moor", "305", "3", "6", "22:00-23:00"]),
  ]),
  ("t", ["Depot", "Docks", "Yard", "Restrictions"], [
     (I, ["Northgate", "14 level docks", "space for 20 trailers", "residential area, no reversing alarms 23:00-06:00"]),
     (I, ["Tarnby", "6 docks + 2 ramps", "tight, 8 trailers", "height barrier 4.6 m at entrance"]),
     (I, ["Skellow", "2 docks", "none", "drop trailer not possible"]),
  ]),
  ("h", "2. Service requirements"),
  ("t", ["KPI", "Target", "Measurement"], [
     (S, ["Arrival at depot before cut-off 04:30", "≥ 98.5 % of trailers", "telematics, weekly"]),
     (S, ["Seal intact on arrival", "100 %", "depot scan"]),
     (S, ["Trailer tracking", "position every 5 min, API to Haverford TMS", "continuous"]),
  ]),
  ("p", T, "2.2 Drivers' hours and tachograph records shall comply with Regulation (EC) No 561/2006 and the Supplier shall make them available on request."),
  ("h", "3. Rate card (bidder to complete)"),
  ("t", ["Lane", "Trips/year (indicative)", "Fuel basis (p/l)", "Rate per trip GBP", "Peak surcharge %"], [
     (N, ["L3-01", "1 870", "142.0", "", ""]),
     (N, ["L3-02", "1 240", "142.0", "", ""]),
     (N, ["L3-07", "960", "142.0", "", ""]),
  ]),
  ("p", N, "Rates shall be valid for the full contract period subject to the fuel mechanism in Schedule 5."),
]))

DOCS.append(dict(doc="tab5-sow-morland-cross-dock-labour", industry="logistics", doc_type="statement_of_work", blocks=[
  ("h", "Morland Retail Distribution: SOW for cross-dock labour and equipment, DC Wexcombe"),
  ("h", "1. Operation today"),
  ("p", I, "1.1 DC Wexcombe cross-docks ambient grocery for 84 stores; inbound arrives mostly in the morning, store departures run in the evening."),
  ("t", ["Time band", "Inbound pallets (avg)", "Outbound roll cages (avg)", "Comment"], [
     (I, ["05:00-09:00", "620", "0", "supplier deliveries, 40 % double-stacked"]),
     (I, ["09:00-14:00", "410", "300", "sorting to store lanes"]),
     (I, ["14:00-22:00", "90", "2 100", "store loading, 62 trucks"]),
  ]),
  ("t", ["Weekday", "Index (Mon = 100)", "Inbound trucks (avg)"], [
     (I, ["Tuesday", "92", "71"]),
     (I, ["Friday", "131", "104"]),
     (I, ["Saturday", "74, reduced store runs", "52"]),
  ]),
  ("t", ["Equipment on site", "Qty", "Owner", "Age"], [
     (I, ["Electric pallet trucks", "38", "Morland", "2-9 years"]),
     (I, ["Reach trucks", "4", "Morland", "6 years"]),
     (I, ["Battery charging room", "1", "Morland", "capacity 44 trucks"]),
  ]),
  ("h", "2. Services and KPIs"),
  ("t", ["Service", "KPI", "Target"], [
     (S, ["Unloading", "trucks unloaded within 45 min of docking", "95 %"]),
     (S, ["Sort accuracy", "roll cages to correct store", "99.8 %"]),
     (S, ["Store loading", "on-time departure", "97 %"]),
     (S, ["Staffing", "qualified MHE operators on each shift", "100 %"]),
  ]),
  ("p", S, "2.2 The Contractor shall provide shift staffing plans weekly, based on the profile in Table 1 and Morland's store order forecast."),
]))

# ================================================================ energy
DOCS.append(dict(doc="tab5-spec-skelby-substation-battery", industry="energy", doc_type="technical_specification", blocks=[
  ("h", "Skelby Grid: Technical specification TS-DC-14, 110 V DC battery systems for primary substations"),
  ("h", "1. Abbreviations"),
  ("t", ["Abbr.", "Meaning", "Remark"], [
     (N, ["VRLA", "valve-regulated lead-acid", "sealed, AGM or gel"]),
     (N, ["NiCd", "nickel-cadmium", "vented pocket-plate"]),
     (N, ["RTU", "remote terminal unit", "substation SCADA outstation"]),
  ]),
  ("h", "2. Substations and existing DC systems"),
  ("t", ["Substation", "Voltage levels", "Existing battery", "Year", "Room temp. (measured)", "Access"], [
     (I, ["Harrow Fen", "132/33 kV", "VRLA 110 V 200 Ah", "2012", "6-31 °C, unheated", "4x4 in winter"]),
     (I, ["Skelby Town", "132/33/11 kV", "NiCd 110 V 250 Ah", "2004", "15-24 °C", "normal"]),
     (I, ["Moss End", "33/11 kV", "VRLA 110 V 100 Ah", "2015", "2-35 °C, container", "island, ferry"]),
  ]),
  ("t", ["DC load", "Harrow Fen [A]", "Skelby Town [A]", "Moss End [A]", "Duration"], [
     (I, ["Standing load (protection, SCADA)", "14", "22", "6", "continuous"]),
     (I, ["Breaker tripping, all bays", "95", "160", "40", "1 min"]),
     (I, ["Emergency lighting", "8", "12", "3", "3 h"]),
  ]),
  ("kv", [(I, "AC supply to chargers", "400 V, variations -15 % / +10 %, outages up to 12 h in storms"),
          (I, "Earthing", "DC system floating, earth fault monitoring existing")]),
  ("h", "3. Requirements"),
  ("t", ["Item", "Requirement"], [
     (S, ["Autonomy", "8 h standing load followed by full trip sequence at end of discharge"]),
     (S, ["Design temperature", "battery sized for 5 °C, service life ≥ 15 years at 25 °C"]),
     (S, ["Charger", "2 x 100 % redundant, IEC 61000-6-5 immunity"]),
     (S, ["Remote monitoring", "IEC 61850 or DNP3 to existing RTU"]),
  ]),
  ("p", T, "3.2 Battery rooms and ventilation shall meet EN IEC 62485-2 as required by the Electricity Safety, Quality and Continuity Regulations for the operator's substations."),
]))

DOCS.append(dict(doc="tab5-minutes-arnholt-gearbox-review", industry="energy", doc_type="meeting_minutes", blocks=[
  ("h", "Arnholt Wind Operations / gearbox repair supplier: Quarterly review Q3 2025"),
  ("kv", [(N, "Venue", "Arnholt control centre"),
          (N, "Attendees", "Asset management, service manager, supplier workshop manager, supplier quality")]),
  ("h", "1. Fleet status"),
  ("t", ["Wind farm", "Turbines", "Gearbox type", "Commissioned", "Capacity factor 2024", "Gearboxes exchanged to date"], [
     (I, ["Arnholt Ridge", "24 x 2.3 MW", "3-stage, planetary", "2010", "31 %", "9"]),
     (I, ["Kelda Moor", "18 x 3.0 MW", "2-stage + planetary", "2014", "36 %", "3"]),
     (I, ["Selby Flats", "12 x 2.3 MW", "3-stage, planetary", "2011", "27 %", "5"]),
  ]),
  ("p", I, "1.1 Asset management said turbulence at Arnholt Ridge is high in westerly winds and that most bearing failures are on the intermediate shaft."),
  ("h", "2. Repair performance"),
  ("t", ["KPI", "Target", "Q3 actual"], [
     (S, ["Turnaround, full overhaul", "≤ 10 weeks", "11.5 weeks"]),
     (S, ["Test bench run before dispatch", "100 % at rated torque", "100 %"]),
     (S, ["Warranty claims", "0", "1 (oil leak Kelda Moor T7)"]),
  ]),
  ("h", "3. Actions"),
  ("t", ["#", "Action", "Owner", "Due"], [
     (S, ["1", "Root cause report for the T7 oil leak", "Supplier quality", "31.10."]),
     (S, ["2", "Propose upgraded intermediate shaft bearing for Arnholt Ridge", "Supplier engineering", "30.11."]),
     (N, ["3", "Prepare price review for 2026 overhauls", "Supplier sales", "next QBR"]),
     (N, ["4", "Agree date of Q4 review and circulate these minutes", "Asset management", "15.10."]),
  ]),
]))
