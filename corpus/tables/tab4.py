# Batch tab4: table-heavy documents in construction, software and IT services, logistics.
S, I, T, N = "specified", "implied", "statutory", "none"
DOCS = []

# ---------------------------------------------------------------- construction
DOCS.append(dict(doc="tab4-po-brandtvik-rebar", industry="construction", doc_type="purchase_order", blocks=[
  ("h", "PURCHASE ORDER PO-24-0871"),
  ("kv", [(N, "Order no.", "PO-24-0871"),
          (N, "Project", "P-2231 Brandtvik Quay, Block C"),
          (N, "Order date", "04.11.2025"),
          (N, "Vendor no.", "700512"),
          (S, "Delivery address", "Site gate 2, Kaiveien 14, unloading area north of tower crane TC-2"),
          (S, "Delivery terms", "DAP site (Incoterms 2020), offloading by crane truck of supplier"),
          (S, "Payment", "45 days end of month, invoice to be marked with PO no. and project no."),
          (N, "Currency", "NOK"),
          (N, "Site contact", "see site organisation chart rev. 3"),
          (N, "Page", "1 of 2")]),
  ("h", "1. Order lines"),
  ("t", ["Pos", "Article", "Description", "Qty", "Unit", "Unit price", "Req. delivery"], [
     (S, ["1", "RB-B500B-12", "Rebar B500NC Ø12, cut & bent acc. to bending schedule BBS-C-01", "18.4", "t", "11 250", "wk 47"]),
     (S, ["2", "RB-B500B-16", "Rebar B500NC Ø16, cut & bent acc. to BBS-C-02", "26.0", "t", "11 050", "wk 47"]),
     (S, ["3", "RB-B500B-25", "Rebar B500NC Ø25 straight, 12 m lengths", "9.5", "t", "10 700", "wk 49"]),
     (S, ["4", "MESH-K189", "Welded mesh K189, 2.4 x 5.0 m sheets", "320", "pcs", "612", "wk 49"]),
     (S, ["6", "TRANS", "Transport with crane truck, per load", "6", "loads", "TBD", ""]),
  ]),
  ("kv", [(N, "Order total excl. VAT", "NOK 645 880,00")]),
  ("h", "2. Delivery instructions"),
  ("p", S, "2.1 Bundles shall be tagged with position number, bar mark and diameter in accordance with the bending schedule, untagged bundles will not be recieved."),
  ("p", S, "2.2 Deliveries are accepted Monday to Friday 07:00-14:00 only and must be announced to the site office the day before."),
  ("p", I, "2.3 The site is in the city centre with one-way access through Kaiveien, and trucks longer than 12 m cannot turn at gate 2."),
  ("p", T, "2.4 The driver operating the loader crane shall hold a valid operator certificate as required by the Working Environment Act regulations on the use of work equipment."),
  ("p", S, "2.5 Each delivery shall be accompanied with mill certificates type 3.1 to EN 10204 for every heat number delivered."),
]))

DOCS.append(dict(doc="tab4-po-kestrel-formwork-hire", industry="construction", doc_type="purchase_order", blocks=[
  ("h", "Hire Order HO-55102"),
  ("kv", [(N, "Hire order", "HO-55102"),
          (N, "Customer ref.", "Kestrel Homes / Harbour View Apartments, cost code 3.140"),
          (S, "On hire from", "12 Jan 2026"),
          (S, "Minimum hire period", "8 weeks, thereafter weekly"),
          (S, "Delivery & collection", "by Lessor to site compound, Hall Lane entrance, Mon-Fri before 15:00"),
          (S, "Invoicing", "4-weekly in arrears, one line per item, quoting this hire order no."),
          (S, "Losses & damage", "charged at replacement list price less 20 %, photos at off-hire required"),
          (N, "Issued by", "Kestrel Homes commercial department")]),
  ("p", N, "This order is placed under the Kestrel Plant framework terms dated 3 March 2024."),
  ("t", ["Line", "Item code", "Description", "Qty", "Rate/wk", "Period"], [
     (S, ["010", "WF-PNL-270", "Wall formwork panel 2.70 x 2.40 m, steel frame", "46", "£18.50", "wk 3-14"]),
     (S, ["030", "PROP-E35", "Steel prop, size 3 (E35)", "220", "£0.95", "wk 3-20"]),
     (S, ["040", "SCF-SYS", "System scaffold, access to core walls, approx 640 m²", "1", "£4,800 per 4 wk", "design by Lessor"]),
     (S, ["050", "DES", "Temporary works design and design check cat. 2", "1", "£2,350 lump sum", "before delivery"]),
  ]),
  ("h", "Documents and inspections"),
  ("t", ["Document / inspection", "Provided by", "When"], [
     (S, ["Scaffold design drawings and calculations", "Lessor", "10 working days before erection"]),
     (S, ["Handover certificate after erection", "Lessor", "at handover of each lift"]),
     (T, ["Scaffold inspection every 7 days and after adverse weather, written report (Work at Height Regulations 2005, Sch. 7)", "Principal contractor", "ongoing"]),
     (T, ["Thorough examination reports for lifting accessories under LOLER 1998", "Lessor", "with delivery"]),
     (S, ["Formwork assembly instructions incl. max. pour rate", "Lessor", "with delivery"]),
  ]),
  ("p", [I, I], "The core walls are poured in 3.2 m lifts, roughly one lift a week. The site is on an exposed coastal plot and wind speeds above 20 m/s are frequent in winter."),
  ("p", S, "Scaffold erectors must hold a CISRS card and attend the site induction before starting work."),
]))

DOCS.append(dict(doc="tab4-qa-halden-precast", industry="construction", doc_type="quality_agreement", blocks=[
  ("h", "Quality Agreement - Precast Elements, Halden Skole"),
  ("t", ["Rev.", "Date", "Change", "Prepared"], [
     (None, ["A", "2025-09-02", "First issue for comments", "QA manager, Halden Bygg"]),
     (None, ["B", "2025-10-15", "Retention table added, CTQ cover revised", "QA manager, Halden Bygg"]),
  ]),
  ("p", N, "1.1 This Quality Agreement sets out the quality responsibilities of Halden Bygg AS (the Contractor) and Norrstein Prefab AS (the Supplier) for hollow-core slabs and stair elements."),
  ("p", I, "1.2 The elements form the floors of a three-storey school built over an open, unheated car park."),
  ("h", "2. Responsibilities"),
  ("t", ["Activity", "Contractor", "Supplier", "Structural engineer"], [
     (S, ["Production drawings for elements", "A", "R", "C"]),
     (S, ["Coordination of embedded items and openings", "R", "C", "I"]),
     (T, ["Declaration of performance and CE marking to EN 1168 (Reg. (EU) No 305/2011)", "I", "R", "I"]),
     (S, ["Concrete cube testing", "I", "R", "I"]),
     (S, ["Design and proof load of lifting anchors", "C", "R", "A"]),
     (S, ["Receiving inspection on site", "R", "I", ""]),
     (T, ["Health, safety and environment plan (SHA plan) under the Construction Client Regulations", "R", "C", ""]),
     (S, ["Non-conformance report and disposition", "A", "R", "C"]),
     (N, ["R = Responsible, A = Accountable, C = Consulted, I = Informed, empty = not involved", "", "", ""]),
  ]),
  ("h", "3. Critical to quality characteristics"),
  ("t", ["Characteristic", "Requirement", "Method", "Frequency"], [
     (S, ["Concrete strength class", "C45/55 at 28 days", "EN 12390-3, cubes", "1 per 50 m³, min. 1 per day"]),
     (S, ["Concrete cover to strands", "35 mm (-0/+10)", "cover meter", "5 % of elements"]),
     (S, ["Element length", "± 10 mm", "tape", "each element"]),
     (S, ["Camber at delivery", "≤ L/300, difference adjacent elements ≤ 10 mm", "laser level", "each element"]),
     (T, ["Fire resistance", "R90 as required by TEK17 § 11-4", "classification report", "per element type"]),
     (I, ["Service environment", "car park below, chlorides carried in by cars in winter", "n/a", "n/a"]),
  ]),
  ("p", S, "3.2 The Supplier shall notify the Contractor in writing at least 4 weeks before any change of cement type, aggregate source or production plant."),
  ("h", "4. Records"),
  ("p", T, "4.1 Records shall be retained for the periods below or for any longer period required by national law."),
  ("t", ["Record", "Retention", "Held by"], [
     (S, ["Mix designs and cube test results", "10 years after handover", "Supplier"]),
     (S, ["Delivery notes with casting date per element", "10 years after handover", "Supplier"]),
     (T, ["FDV documentation as required by TEK17 § 4-1", "life of building", "Contractor"]),
     (S, ["Non-conformance reports and 8D reports", "5 years", "both parties"]),
  ]),
  ("t", ["Approved for", "Function", "Date"], [
     (N, ["Halden Bygg AS", "Project manager", "17.10.2025"]),
     (N, ["Norrstein Prefab AS", "Quality manager", "20.10.2025"]),
  ]),
]))

DOCS.append(dict(doc="tab4-spec-lindqvist-curtainwall", industry="construction", doc_type="technical_specification", blocks=[
  ("h", "Technical Specification 08 44 13 - Curtain Wall CW-01 / CW-02"),
  ("p", S, "1.1 The Contractor shall design, manufacture, supply and install the unitised curtain wall CW-01 and the ground floor stick system CW-02 for Lindqvist Hus."),
  ("kv", [(N, "Document status", "For construction, rev. C, 14.11.2025")]),
  ("h", "2. Site and building data"),
  ("kv", [(I, "Location", "coastal, approx. 800 m from open sea, terrain category II"),
          (I, "Building height", "42 m, 11 storeys above ground"),
          (I, "Basic wind velocity", "vb,0 = 26 m/s"),
          (I, "Use of building", "open-plan offices, retail at ground floor facing a bus street"),
          (I, "Facade cleaning", "BMU on roof, restraint rails planned at every 2nd floor")]),
  ("h", "3. Performance requirements"),
  ("t", ["Property", "Requirement", "Test / standard", "Remarks"], [
     (S, ["Air permeability", "Class AE 1200", "EN 12152 / EN 12153", ""]),
     (S, ["Watertightness", "Class RE 1200", "EN 12154", "also dynamic test, see 5.1"]),
     (S, ["Wind load resistance", "2.0 kPa design, deflection ≤ L/200 or 15 mm", "EN 13116", ""]),
     (S, ["Thermal transmittance Ucw", "≤ 0.80 W/m²K", "EN ISO 12631", "area weighted average"]),
     (S, ["Sound insulation Rw+Ctr", "≥ 38 dB", "EN ISO 10140-2", "elevations facing bus street"]),
     (T, ["Reaction to fire, insulation and spandrel panels", "A2-s1,d0", "EN 13501-1", "required by building regulations for buildings over 4 storeys"]),
     (S, ["Design service life", "50 yrs frame, 25 yrs gaskets and sealants", "-", "-"]),
  ]),
  ("h", "4. Regulatory and certification"),
  ("t", ["Regulation / scheme", "Applies", "Evidence to submit"], [
     (T, ["Regulation (EU) No 305/2011 (CPR), CE marking to EN 13830", "Yes", "DoP for each unit type"]),
     (T, ["TEK17 chapter 11, fire safety in buildings", "Yes", "compliance statement to fire strategy"]),
     (S, ["BREEAM-NOR Excellent, credits Mat 01 and Hea 01", "Yes", "EPDs and evidence to BREEAM AP"]),
  ]),
  ("h", "5. Testing"),
  ("t", ["Test", "By", "When", "Witness"], [
     (S, ["Mock-up test (air, water, wind, dynamic water) at independent laboratory", "Contractor", "before production release", "Client's facade consultant"]),
     (S, ["Site hose test to EN 13051 on 5 % of joints", "Contractor", "progressively during installation", "TBD"]),
     (S, ["Anchor pull-out tests", "Contractor", "3 per floor", "n/a"]),
  ]),
  ("p", S, "5.2 The Contractor shall submit shop drawings and structural calculations at least 6 weeks prior to fabrication."),
  ("p", N, "Values in brackets in the drawings refer to the stick system CW-02."),
]))

DOCS.append(dict(doc="tab4-rfq-orrin-groundworks", industry="construction", doc_type="rfq_tender", blocks=[
  ("h", "Invitation to Tender - Groundworks and Drainage Package, Orrin Business Park Phase 2"),
  ("p", N, "Tenders shall be returned via the e-tender portal by 12:00 noon on 27 February 2026."),
  ("p", S, "1.3 The successful contractor shall complete the groundworks within 18 weeks of possession of site."),
  ("p", T, "1.4 The Contractor shall act as principal contractor under the Construction (Design and Management) Regulations 2015 until the frame contractor takes possession."),
  ("h", "2. Site information"),
  ("kv", [(I, "Ground conditions", "made ground over boulder clay, groundwater at 1.8-2.5 m bgl (GI report, Appendix C)"),
          (I, "Existing services", "11 kV cable crosses plot north-south, remains live during the works"),
          (I, "Neighbours", "occupied distribution warehouse to the east with 24/7 HGV traffic on the shared access road")]),
  ("h", "3. Bill of quantities (extract)"),
  ("t", ["Ref", "Description", "Unit", "Qty", "Rate £", "Amount £"], [
     (S, ["D1.01", "Site clearance, strip topsoil avg. 300 mm and stockpile on site", "m²", "14 500", "", ""]),
     (S, ["D1.02", "Excavate to reduced levels, inert material disposed off site", "m³", "6 200", "", ""]),
     (T, ["D1.03", "Hazardous made ground (EWC 17 05 03*) to licensed facility with consignment notes per Hazardous Waste Regulations 2005", "m³", "350", "", ""]),
     (S, ["D2.01", "150 mm uPVC foul drain 1.5-2.0 m deep incl. granular bedding", "m", "420", "", ""]),
     (S, ["D2.02", "Precast manholes 1200 dia, depth ≤ 2.5 m", "nr", "14", "", ""]),
     (S, ["D2.03", "Geocellular attenuation tank 380 m³ incl. flow control", "item", "1", "", ""]),
     (T, ["D3.01", "Street works notices and permits for new entrance (New Roads and Street Works Act 1991)", "item", "1", "", ""]),
     (N, ["", "Total carried to Form of Tender", "", "", "", ""]),
  ]),
  ("h", "4. Tender evaluation"),
  ("t", ["Criterion", "Weight", "Basis of scoring"], [
     (N, ["Price", "60 %", "lowest compliant tender scores 100"]),
     (N, ["Programme and methodology", "25 %", "method statement, max. 6 pages"]),
     (N, ["Health & safety", "15 %", "accident record last 3 years, CDM approach"]),
  ]),
  ("h", "5. Returnable documents"),
  ("t", ["Document", "Required", "Enclosed (Y/N)"], [
     (N, ["Priced bill of quantities", "Yes", ""]),
     (N, ["Dewatering method statement", "Yes", ""]),
     (N, ["Evidence of SSIP accreditation", "Yes", ""]),
     (N, ["Offer validity confirmation (90 days)", "Yes", ""]),
  ]),
]))

DOCS.append(dict(doc="tab4-sow-marrow-bim-coordination", industry="construction", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - BIM Coordination Services, Eastfield Depot Redevelopment"),
  ("p", [I, I], "1.1 Marrow Estates is redeveloping the former Eastfield depot into 212 homes in four blocks. The design team models in three different authoring tools and the MEP contractor still produces 2D drawings."),
  ("p", S, "1.2 The Consultant shall provide BIM coordination from RIBA stage 4 to handover under the Client's Employer's Information Requirements (EIR) rev. 2."),
  ("h", "2. Deliverables"),
  ("t", ["No.", "Deliverable", "Format", "Due", "Acceptance"], [
     (S, ["D1", "BIM Execution Plan per ISO 19650-2", "PDF + editable", "2 weeks after start", "approved by Client's information manager"]),
     (S, ["D2", "Federated model", "IFC 4 + NWD", "every Friday", "clash report attached"]),
     (S, ["D3", "Clash detection report", "BCF 2.1", "weekly", "≤ 50 open hard clashes at stage gate"]),
     (S, ["D4", "COBie data drop", "xlsx", "end of stage 4", "validated against EIR"]),
     (T, ["D5", "Golden thread information for higher-risk building (Block A) as required by the Building Safety Act 2022", "in CDE", "ongoing", "BSR gateway 3 submission accepted"]),
     (S, ["D6", "Training of Client FM team, 2 sessions", "on site", "at handover", "signed attendance sheet"]),
  ]),
  ("h", "3. Milestones and payment"),
  ("t", ["Milestone", "Date", "Payment %", "Condition"], [
     (S, ["M1 BEP approved", "20 Mar 2026", "10 %", "D1 accepted"]),
     (S, ["M2 Stage 4 model freeze", "30/09/2026", "40 %", "D2-D4 accepted"]),
     (S, ["M3 Handover of as-built models", "Q2 2027", "40 %", "D5, D6 complete"]),
     (S, ["Retention", "end of defects period", "10 %", "no open model defects"]),
  ]),
  ("p", S, "3.4 The Consultant shall host the common data environment on servers located in the UK or the EEA."),
  ("p", T, "3.5 Personal data held in the CDE shall be processed only on the Client's documented instructions in accordance with Article 28 UK GDPR."),
  ("h", "4. Contacts"),
  ("t", ["Role", "Organisation", "Name"], [
     (N, ["Information manager", "Marrow Estates", "TBC"]),
     (N, ["Lead BIM coordinator", "Consultant", "to be named at mobilisation"]),
  ]),
]))

DOCS.append(dict(doc="tab4-msa-calder-ready-mix", industry="construction", doc_type="master_supply_agreement", blocks=[
  ("h", "Framework Agreement for Ready-Mixed Concrete - Schedule 2: Prices and Lead Times"),
  ("t", ["Product code", "Mix", "Exposure / consistence", "Price €/m³", "Valid until"], [
     (S, ["CM-C25-S3", "C25/30", "XC1, S3", "96.50", "31.12.2026"]),
     (S, ["CM-C30-S4", "C30/37", "XC4/XF1, S4", "104.20", "31.12.2026"]),
     (S, ["CM-C35-SCC", "C35/45 self-compacting", "XD1, SF2", "131.00", "30.06.2026"]),
     (S, ["Surcharge", "Winter (heated water and aggregates) 15 Nov - 15 Mar", "", "6.00", ""]),
     (S, ["Surcharge", "Part load below 4 m³", "", "38.00 per load", ""]),
  ]),
  ("kv", [(S, "Standard mixes", "order before 14:00 on the working day before delivery"),
          (S, "Special mixes (SCC, low heat)", "3 working days notice"),
          (S, "Saturday deliveries", "by arrangement, +12 €/m³")]),
  ("h", "Schedule 3: Key performance indicators"),
  ("t", ["KPI", "Target", "Measurement", "Service credit"], [
     (S, ["On-time arrival (±15 min of booked slot)", "≥ 95 %", "monthly, from delivery tickets", "1 % of monthly invoice per point below target"]),
     (S, ["Rejected loads (slump, temperature)", "≤ 0.5 %", "per month", "cost of rejected load and pump standby"]),
     (S, ["CO2 intensity A1-A3", "reported quarterly in kg CO2e/m³", "EPD per mix", "n/a"]),
  ]),
  ("h", "Schedule 4: Volumes"),
  ("kv", [(I, "Estimated annual volume", "38 000 m³ over approx. 12 sites"),
          (I, "Peak months", "May to September, up to 5 000 m³ per month"),
          (I, "Typical pour", "80-300 m³ per day on inner-city sites with no on-street waiting")]),
  ("p", S, "4.1 The Supplier shall maintain third-party certification of factory production control for every plant listed in Schedule 1."),
  ("p", T, "4.2 Truck mixer drivers shall comply with the drivers' hours rules of Regulation (EC) No 561/2006 and with the Buyer's site traffic rules."),
  ("p", N, "4.3 Schedules 2 to 4 form part of this Agreement and prevail over the Supplier's general conditions."),
]))

DOCS.append(dict(doc="tab4-minutes-tessel-site-progress", industry="construction", doc_type="meeting_minutes", blocks=[
  ("h", "Minutes - Site Progress Meeting No. 14, Tessel Court"),
  ("kv", [(N, "Date / time", "21/01/2026, 09:30-11:15"),
          (N, "Location", "site office, Tessel Court"),
          (N, "Present", "main contractor PM and site manager, M&E subcontractor, facade subcontractor, client's representative"),
          (N, "Apologies", "structural engineer")]),
  ("p", N, "1. Programme: level 5 slab poured on 19/01, two days behind, recovery by an extra shift on Saturday."),
  ("p", S, "2. Client's representative confirmed the ground floor retail tenant now needs a 400 A supply instead of 250 A."),
  ("t", ["No.", "Action", "Owner", "Due", "Status"], [
     (S, ["14.1", "Submit revised riser drawings showing the 400 A supply", "M&E sub", "28/01", "open"]),
     (S, ["14.2", "Provide data sheets and ETAs for fire-stopping products at service penetrations", "Drylining sub", "04/02", "open"]),
     (N, ["14.3", "Circulate programme rev F to all parties", "MC planner", "23/01", "open"]),
     (T, ["14.4", "Report scaffold collapse on east elevation to HSE as dangerous occurrence (RIDDOR 2013)", "MC site manager", "20/01", "closed"]),
     (N, ["14.5", "Agree rate for additional Saturday crane hours", "MC QS / crane hire co.", "next meeting", "open"]),
     (S, ["14.6", "Replace cracked curtain wall unit 5-07 before scaffold strike", "Facade sub", "13/02", "open"]),
     (N, ["14.7", "Book meeting room for MPM 15 and send invitations", "MC admin", "-", "open"]),
     (S, ["14.8", "Submit 28-day cube results for level 4 slab", "Concrete sub", "30/01", "open"]),
  ]),
  ("p", N, "Next meeting: 04/02/2026 at 09:30 in the site office."),
]))

DOCS.append(dict(doc="tab4-spec-fjordheim-hvac-ahu", industry="construction", doc_type="technical_specification", blocks=[
  ("h", "Technical Specification 36.01 - Air Handling Units, Fjordheim Outpatient Wing"),
  ("p", S, "1.1 The Supplier shall deliver six air handling units (AHU-01 to AHU-06), factory tested and ready for connection."),
  ("h", "2. Design conditions"),
  ("t", ["Item", "Condition", "Note"], [
     (I, ["Outdoor design temperature, winter", "-24 °C", "local climate data"]),
     (I, ["Outdoor design condition, summer", "+28 °C / 60 % RH", ""]),
     (I, ["Installation", "roof plant room, unheated, only access via 1.2 x 2.1 m door", "see 4.3"]),
     (I, ["Areas served", "treatment rooms and waiting areas, open 06:00-22:00 all week", ""]),
     (I, ["Rooms below plant room", "consultation rooms with speech privacy needs", ""]),
  ]),
  ("h", "3. Technical data"),
  ("t", ["Parameter", "AHU-01", "AHU-02/03", "AHU-04 to 06"], [
     (S, ["Supply air volume (m³/h)", "12 500", "8 000", "4 200"]),
     (S, ["Rotary heat recovery, temperature efficiency", "≥ 80 %", "≥ 80 %", "≥ 78 %"]),
     (S, ["SFP (kW/(m³/s))", "≤ 1.5", "≤ 1.5", "≤ 1.6"]),
     (S, ["Casing class EN 1886", "D1(M), T2, TB2", "D1(M), T2, TB2", "D2(M), T2, TB2"]),
     (S, ["Filters supply / extract", "ePM1 70 % / ePM10 60 %", "same", "same"]),
  ]),
  ("h", "4. Regulations"),
  ("t", ["Requirement", "Legal basis", "Evidence"], [
     (T, ["Ecodesign requirements for ventilation units", "Commission Regulation (EU) No 1253/2014", "Ecodesign compliance declaration"]),
     (T, ["CE marking, machinery safety", "Machinery Directive 2006/42/EC", "EC declaration of conformity"]),
     (T, ["Handling of refrigerant in DX coil", "Regulation (EU) 2024/573 (F-gas)", "certificate of personnel"]),
     (S, ["Hygiene of ventilation components", "VDI 6022 Part 1 (client's choice)", "hygiene certificate"]),
  ]),
  ("p", S, "4.3 Units shall be delivered in sections not exceeding 1.1 m width so they pass the plant room door."),
  ("h", "5. Tests"),
  ("t", ["Test", "Location", "Witness"], [
     (S, ["Factory acceptance test, airflow and casing leakage", "Supplier's factory", "Client's engineer, 10 days notice"]),
     (S, ["Sound power measurement to EN ISO 3744", "factory, AHU-01 only", "optional"]),
     (S, ["Commissioning and air balancing", "site", "MEP consultant"]),
  ]),
]))

DOCS.append(dict(doc="tab4-po-aldergate-windows", industry="construction", doc_type="purchase_order", blocks=[
  ("h", "Call-Off Order CO-0193"),
  ("kv", [(N, "Call-off no.", "CO-0193 against framework FW-AG-2025"),
          (S, "Deliver to", "Plots 14-22, Aldergate Meadows, Lower Brook Rd; call site manager 24 h before arrival"),
          (S, "Unloading", "forklift on site, max. 1.5 t per pack, no crane available"),
          (S, "Invoice to", "Accounts Payable, electronic invoices only, quote call-off no."),
          (N, "Date of issue", "9th February 2026")]),
  ("t", ["Plot", "House type", "Window schedule", "Qty (units)", "Delivery week", "Install by"], [
     (S, ["14", "Ashby (3 bed)", "WS-ASH-02", "11", "2026-W10", "Supplier"]),
     (S, ["15", "Ashby (3 bed) handed", "WS-ASH-02H", "11", "2026-W10", "Supplier"]),
     (S, ["16", "Carrow (4 bed)", "WS-CAR-01", "14", "2026-W11", "Supplier"]),
     (S, ["17-18", "Denby semi pair", "WS-DEN-01", "2 x 9", "2026-W12", "Supplier"]),
     (S, ["19-22", "Elm terrace", "WS-ELM-03", "4 x 8", "TBD", "see note 3"]),
     (N, ["Total", "", "", "68", "", ""]),
  ]),
  ("t", ["Property", "Requirement", "Evidence"], [
     (S, ["Whole window U-value", "≤ 1.2 W/m²K", "BFRC label"]),
     (T, ["Safety glazing in critical locations", "toughened or laminated per Approved Document K", "kitemark etched on pane"]),
     (T, ["Escape windows, first floor", "clear opening ≥ 0.33 m², min. 450 mm, per Building Regulations Part B", "schedule marked up"]),
     (T, ["Background ventilators", "8 000 mm² equivalent area per habitable room, Approved Document F", "product data"]),
     (S, ["Colour", "RAL 7016 anthracite outside, white inside", "sample approved 12/2025"]),
  ]),
  ("p", S, "Note 3: plots 19-22 are held pending discharge of planning condition 11, do not manufacture until released in writing."),
  ("p", I, "The houses sit on an exposed hillside above 200 m altitude facing the prevailing south-westerly wind."),
]))

# ---------------------------------------------------------------- software and IT services
DOCS.append(dict(doc="tab4-po-quillon-laptops", industry="software and IT services", doc_type="purchase_order", blocks=[
  ("h", "Purchase Order 4700021356"),
  ("kv", [(N, "Purchase order", "4700021356"),
          (N, "PO date", "2026-01-09"),
          (N, "Vendor", "Ardent Systems Ltd, vendor no. 30118"),
          (N, "Requisitioner", "IT Workplace Services"),
          (S, "Ship to", "Central IT stores, Building 3, loading bay B, Mon-Fri 08:00-15:30"),
          (S, "Bill to", "Finance Shared Services, PO number on every invoice or invoice is returned"),
          (S, "Terms", "Net 30 days, DDP (Incoterms 2020)")]),
  ("t", ["Line", "Material", "Short text", "Qty", "UoM", "Net price", "Deliv. date"], [
     (S, ["00010", "100388", "Laptop 14in i7/32GB/1TB, UK keyboard, 3y NBD onsite warranty", "420", "EA", "1,184.00", "02.03.2026"]),
     (S, ["00030", "100402", "Imaging with corporate Win11 image and autopilot registration", "420", "EA", "18.00", "with line 10"]),
     (S, ["00040", "200090", "Collection and secure erasure of old devices, certificate per serial no.", "380", "EA", "9.00", "30.04.2026"]),
     (T, ["00050", "200091", "Recycling of non-reusable devices under the WEEE Regulations 2013, with waste transfer notes", "1", "LOT", "TBD", "30.04.2026"]),
  ]),
  ("kv", [(N, "Total net value", "GBP 636,870.00")]),
  ("p", S, "1. Devices shall be packed 5 per master carton with serial numbers and MAC addresses on the outer label and in the electronic ASN."),
  ("p", I, "2. Most users are field engineers working from vans and at customer sites, often with poor mobile coverage."),
  ("p", T, "3. Spare batteries shipped separately shall be classified and packed as UN3480 in accordance with ADR."),
]))

DOCS.append(dict(doc="tab4-sow-veridian-erp-migration", industry="software and IT services", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work No. 3 - ERP Migration"),
  ("p", I, "Veridian Foods runs its legacy ERP on premises in two data centres, with 1,150 named users across 9 plants."),
  ("kv", [(I, "Business peak", "Christmas production, October to December"),
          (I, "Plants", "9 plants in 3 countries, two of them 3-shift 24/6"),
          (I, "Existing integration", "AS2 EDI gateway with ca. 140 trading partners")]),
  ("h", "2. Deliverables"),
  ("t", ["ID", "Deliverable", "Phase", "Acceptance criteria", "Due"], [
     (S, ["DL-01", "Migration strategy and cutover plan", "Prepare", "approved by steering committee", "2026-04-15"]),
     (S, ["DL-02", "Data migration of masters, open items and 7 yrs finance history", "Realise", "reconciliation difference ≤ 0.01 % of value", "2026-09-30"]),
     (S, ["DL-03", "Integration to WMS and EDI gateway (38 interfaces)", "Realise", "all interface test cases passed", "2026-10-31"]),
     (T, ["DL-04", "E-invoicing interface to the tax authority platform, mandatory under national B2B e-invoicing law", "Realise", "accepted in tax authority test environment", "before 01.01.2027"]),
  ]),
  ("h", "3. Payment milestones"),
  ("t", ["Milestone", "Planned", "Payment", "Condition"], [
     (S, ["MS1 Blueprint sign-off", "15/05/2026", "25 %", "DL-01 accepted"]),
     (S, ["MS2 Go-live", "01/11/2026", "50 %", "cutover done, no open P1"]),
     (S, ["MS3 End of hypercare", "15/12/2026", "15 %", ""]),
  ]),
  ("p", T, "4.1 The Contractor shall keep the finance history migrated under DL-02 readable for the retention period required by the applicable accounting and tax laws."),
  ("h", "Abbreviations"),
  ("kv", [(N, "SoD", "segregation of duties"), (N, "P1", "priority 1 incident, business stopped"), (N, "WMS", "warehouse management system"), (N, "CR", "change request")]),
]))

DOCS.append(dict(doc="tab4-msa-nordlicht-managed-hosting", industry="software and IT services", doc_type="master_supply_agreement", blocks=[
  ("h", "Annex B - Service Level Agreement"),
  ("p", S, "B.1 The Provider shall meet the service levels below for all production systems listed in Annex A."),
  ("t", ["Service", "Metric", "Target", "Window", "Service credit"], [
     (S, ["Hosting platform", "availability excl. agreed maintenance", "99.95 %", "calendar month", "5 % of monthly fee per 0.1 % below"]),
     (S, ["Restore test", "restore of one production system", "1 per quarter", "quarter", "n/a"]),
     (S, ["Incident P1", "response / restore", "15 min / 4 h", "24x7", "2 % per hour exceeded"]),
     (S, ["Security patching", "critical CVEs (CVSS ≥ 9.0)", "within 72 h", "per event", ""]),
  ]),
  ("p", N, "B.4 Service credits are capped at 25 % of the monthly fee and are the Customer's sole financial remedy for missed service levels."),
  ("h", "Annex C - Customer environment"),
  ("kv", [(I, "Users", "approx. 3,400 employees plus a customer portal used around the clock"),
          (I, "Load profile", "month-end batch in the last 3 working days triples database load"),
          (I, "Current DR", "secondary server room at head office, to be closed end of 2026")]),
  ("h", "Annex E - Legal and certification"),
  ("t", ["Obligation", "Basis", "Evidence"], [
     (T, ["Data processing agreement", "Art. 28 GDPR (Regulation (EU) 2016/679)", "signed DPA"]),
     (T, ["No transfer of personal data outside EU/EEA without safeguards", "Chapter V GDPR", "sub-processor list"]),
     (T, ["Notify significant incidents within 24 h so Customer can report under NIS2", "Directive (EU) 2022/2555 and national act", "incident report template"]),
     (S, ["ISO/IEC 27001 certification of hosting operations", "Customer requirement", "certificate and surveillance audit report"]),
  ]),
]))

DOCS.append(dict(doc="tab4-qa-parcival-software-supplier", industry="software and IT services", doc_type="quality_agreement", blocks=[
  ("h", "Quality and Security Agreement"),
  ("p", N, "1. This agreement defines the responsibilities for quality and information security in software delivered by Tidewater Code s.r.o. to Parcival Payments AB."),
  ("p", I, "2. Parcival processes about 1.2 million card payments a day and its merchants expect settlement files before 06:00 CET."),
  ("t", ["Activity", "Parcival", "Tidewater", "Comment"], [
     (S, ["Requirements and acceptance criteria per user story", "A/R", "C", ""]),
     (S, ["Secure coding to OWASP ASVS level 2", "I", "R", ""]),
     (S, ["Production deployment", "R", "-", "no production access for Tidewater"]),
     (T, ["Reporting major ICT incidents to the financial supervisor (DORA Art. 19)", "R", "C", "Tidewater informs Parcival within 4 h"]),
     (T, ["Register of ICT third-party arrangements, DORA Art. 28", "R", "I", ""]),
     (S, ["Exit plan and return of code and data", "A", "R", "tested yearly"]),
     (N, ["Legend: R responsible, A accountable, C consulted, I informed", "", "", ""]),
  ]),
  ("t", ["Quality metric", "Target", "Measured"], [
     (S, ["Escaped defects (found in UAT or production)", "≤ 3 per 100 story points", "per release"]),
     (S, ["Unit test coverage of changed code", "≥ 80 %", "per pull request"]),
  ]),
  ("t", ["Record", "Retention period", "Location"], [
     (S, ["Test evidence (UAT, regression)", "5 years after release", "test management tool"]),
     (T, ["Access logs for customer data", "5 years, or longer where AML law requires", "SIEM"]),
  ]),
  ("p", S, "5.1 Tidewater shall give Parcival 30 days notice before replacing a key developer or moving work to another site or subcontractor."),
]))

DOCS.append(dict(doc="tab4-spec-hollins-ticketing-platform", industry="software and IT services", doc_type="technical_specification", blocks=[
  ("h", "Requirements Specification - Mobile Ticketing Platform"),
  ("t", ["Aspect", "Description", "Source"], [
     (I, ["Passengers", "ca. 310,000 journeys per weekday, 38 % tourists with foreign cards", "ridership 2025"]),
     (I, ["Drivers", "check tickets visually and with handheld scanners, gloves in winter", "operations"]),
     (I, ["Peak load", "festival week in July, 4x normal sales between 16:00 and 19:00", "sales data"]),
     (I, ["Connectivity", "no mobile coverage in 3 tunnels and on 11 rural routes", "coverage map, App. 3"]),
     (I, ["Existing systems", "back-office fare system from 2014, SFTP interface, nightly batch", ""]),
  ]),
  ("t", ["ID", "Requirement", "Priority", "Verification"], [
     (S, ["NFR-01", "The app shall show a valid ticket offline for at least 72 h after purchase.", "Must", "test T-14"]),
     (S, ["NFR-02", "1,500 ticket purchases per minute with p95 response time below 2 s.", "Must", "load test"]),
     (T, ["NFR-03", "Accessibility to EN 301 549 as required by Directive (EU) 2016/2102 and the European Accessibility Act.", "Must", "audit report"]),
     (S, ["NFR-04", "Card payments shall comply with PCI DSS v4.0.", "Must", "AoC"]),
     (T, ["NFR-05", "Strong customer authentication for card payments per Directive (EU) 2015/2366 (PSD2).", "Must", "PSP confirmation"]),
  ]),
  ("p", T, "Journey history shall be kept for 13 months and then deleted, unless a longer period is required by law."),
  ("p", N, "This document uses MoSCoW priorities (Must, Should, Could, Won't)."),
]))

DOCS.append(dict(doc="tab4-rfq-aurel-servicedesk", industry="software and IT services", doc_type="rfq_tender", blocks=[
  ("h", "Invitation to Tender AH-ICT-2026-04: IT Service Desk"),
  ("kv", [(N, "Reference", "AH-ICT-2026-04"),
          (N, "Procedure", "open procedure, Public Contracts Regulations 2015"),
          (N, "Clarification deadline", "10 March 2026, via portal only"),
          (N, "Return date", "24 March 2026, 12:00"),
          (N, "Offer validity", "120 days from return date")]),
  ("h", "Current volumes"),
  ("t", ["Metric", "2024", "2025", "Forecast 2027"], [
     (I, ["Contacts per month (phone, chat, portal)", "5,900", "6,350", "7,000"]),
     (I, ["Out-of-hours share of contacts", "9 %", "11 %", "n/a"]),
     (I, ["End users", "1,480", "1,520", "1,700 after merger"]),
  ]),
  ("h", "Service requirements"),
  ("t", ["Ref", "Requirement", "Compliant (Y/N)", "Bidder comment"], [
     (S, ["SR-01", "First contact resolution of at least 70 %, measured monthly.", "Y / N", ""]),
     (S, ["SR-02", "90 % of calls answered within 60 seconds.", "Y / N", ""]),
     (S, ["SR-03", "Tickets are logged in Aurel's existing ITSM tool, no separate supplier tool.", "Y / N", ""]),
     (T, ["SR-04", "Tenant personal data is processed as processor under Article 28 UK GDPR.", "Y / N", ""]),
  ]),
  ("h", "Award criteria"),
  ("t", ["Criterion", "Weighting", "Scoring"], [
     (N, ["Quality (answers to questions Q1-Q8)", "60 %", "0-5 scale per question"]),
     (N, ["Price (3-year cost)", "30 %", "lowest price / bid price x 30"]),
     (N, ["Social value", "10 %", "TOMs calculator"]),
  ]),
  ("t", ["Price item", "Unit", "Year 1 £", "Year 2 £", "Year 3 £"], [
     (N, ["Service desk, fixed monthly charge", "month", "", "", ""]),
     (N, ["Contacts above 7,500 in a month", "per contact", "", "", ""]),
  ]),
  ("p", S, "The Supplier shall be ready to take over the service on 1 October 2026 after a two-week parallel run."),
  ("p", T, "Bidders shall not be in any situation listed in regulation 57 of the Public Contracts Regulations 2015."),
]))

DOCS.append(dict(doc="tab4-minutes-brennan-cutover", industry="software and IT services", doc_type="meeting_minutes", blocks=[
  ("h", "Go-Live Readiness Review #3 - CRM Replacement"),
  ("kv", [(N, "Date", "Thu 12 Feb 2026"),
          (N, "Attendees", "client PM, supplier PM, test lead, infrastructure lead, finance key user"),
          (N, "Minutes by", "client PMO")]),
  ("p", N, "Test status: 412 of 430 test cases passed, two P2 defects open in the invoice print interface."),
  ("p", S, "Performance test met the target of 300 concurrent users with p95 of 1.6 s against the limit of 2 s."),
  ("t", ["#", "Action", "Owner", "Due"], [
     (S, ["1", "Fix DEF-2291 (invoice print truncates customer VAT number) and retest", "Supplier", "17/02"]),
     (S, ["2", "Deliver final data migration reconciliation report", "Supplier", "16/02"]),
     (T, ["3", "Confirm invoice layout still has all content required by Art. 226 of Council Directive 2006/112/EC", "Supplier", "17/02"]),
     (S, ["4", "Provide cutover runbook incl. rollback steps", "Supplier", "13/02"]),
     (N, ["5", "Arrange hotel rooms for cutover team", "Client PMO", ""]),
     (N, ["6", "Distribute minutes and updated RAID log", "Client PM", "13/02"]),
     (N, ["7", "Discuss cost of extra hypercare week between commercial leads", "Account managers", "next SteerCo"]),
     (S, ["8", "Freeze master data changes from 20/02 18:00", "Client business leads", "20/02"]),
  ]),
  ("p", N, "Go/no-go decision moved to 19 Feb."),
]))

DOCS.append(dict(doc="tab4-sow-kilnworth-pentest", industry="software and IT services", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - Penetration Testing 2026"),
  ("p", I, "Kilnworth Council's online services run on six internet-facing web applications and a citizen portal used by about 90,000 residents."),
  ("t", ["Target", "Type", "Environment", "Testing window"], [
     (S, ["Citizen portal", "web application, authenticated, 3 roles", "production", "Tue-Thu 19:00-23:00"]),
     (S, ["External perimeter", "32 public IP addresses", "production", "weekdays 08:00-18:00"]),
     (S, ["Internal network", "AD and 4 VLANs", "on site, Council HQ", "2 days, w/c 13 Apr"]),
  ]),
  ("t", ["Deliverable", "Content", "Due"], [
     (S, ["Rules of engagement", "contacts, scope, stop conditions", "5 days before start"]),
     (S, ["Draft report", "findings with CVSS 3.1 score and reproduction steps", "10 working days after testing"]),
     (S, ["Retest of critical and high findings", "", "within 30 days of fix"]),
  ]),
  ("kv", [(T, "Authorisation", "written authorisation signed by the Council's SIRO before any testing (Computer Misuse Act 1990)"),
          (S, "Tester qualifications", "CREST or CHECK team leader on site"),
          (T, "Data found during testing", "not to be copied off Council systems, handled under UK GDPR and the Data Protection Act 2018")]),
  ("p", S, "Fixed fee of £18,400 excl. VAT, invoiced on acceptance of the final report."),
  ("p", N, "Either party may cancel a test slot with 48 hours' notice without charge."),
  ("t", ["Version", "Date", "Author", "Comment"], [
     (None, ["0.1", "03/03/2026", "Cyber security lead", "draft for supplier"]),
     (None, ["1.0", "11/03/2026", "Cyber security lead", "agreed scope"]),
  ]),
]))

DOCS.append(dict(doc="tab4-po-tarrow-licences", industry="software and IT services", doc_type="purchase_order", blocks=[
  ("h", "Purchase Order PO/IT/2026/0147"),
  ("kv", [(N, "Order", "PO/IT/2026/0147"),
          (N, "Issued", "30-Jan-2026"),
          (S, "Period of service", "01-Mar-2026 to 28-Feb-2027"),
          (S, "Payment", "annually in advance, 30 days from invoice date"),
          (S, "Delivery", "licence keys to the licence manager mailbox, no physical media")]),
  ("t", ["Ln", "SKU", "Description", "Qty", "Term", "Net EUR"], [
     (S, ["1", "CAD-PRM-NU", "CAD premium, named user subscription", "85", "12 m", "187 850.00"]),
     (S, ["2", "CAD-PRM-FL", "CAD premium, floating network licence", "20", "12 m", "61 000.00"]),
     (S, ["3", "PDM-SRV", "PDM server maintenance, 24x7 priority support", "1", "12 m", "14 800.00"]),
     (S, ["4", "TRN-ADM", "Administrator training, 2 days remote", "2", "n/a", "1 400.00"]),
  ]),
  ("kv", [(N, "Net total", "EUR 265 050.00"),
          (T, "VAT", "reverse charge, Art. 196 Directive 2006/112/EC, invoice to state 'Reverse charge'"),
          (N, "Buyer", "IT procurement, Tarrow Engineering")]),
  ("p", S, "Licences shall be registered to our legal entity and not to individual employees."),
  ("p", I, "Our engineers work on two sites in different time zones and share the floating licences between them."),
  ("p", T, "Supplier shall confirm that the software is not subject to authorisation under Regulation (EU) 2021/821 or state its export classification."),
]))

# ---------------------------------------------------------------- logistics
DOCS.append(dict(doc="tab4-po-greywater-pallets", industry="logistics", doc_type="purchase_order", blocks=[
  ("h", "Bestellung / Purchase Order 45-118204"),
  ("kv", [(N, "PO", "45-118204"),
          (N, "Date", "14.01.2026"),
          (N, "Supplier no.", "61155"),
          (N, "Currency", "EUR"),
          (S, "Delivery", "Greywater DC, gate 7, Hafenstrasse 40; slot booking via portal 48 h ahead"),
          (S, "Payment conditions", "30 days 2 % discount, 60 days net"),
          (N, "Our contact", "purchasing, packaging materials")]),
  ("t", ["Pos.", "Mat.-No.", "Description", "Quantity", "Price/100", "Delivery"], [
     (S, ["10", "PAL-EUR-N", "EUR pallet 1200x800, new, EPAL licensed", "4 800", "1 190,00", "KW 05"]),
     (S, ["20", "PAL-EUR-A", "EUR pallet used, class A", "6 000", "760,00", "KW 05 + KW 07, 3 000 each"]),
     (S, ["30", "PAL-IND", "Industrial pallet 1200x1000, 4-way entry", "1 200", "1 480,00", "KW 08"]),
  ]),
  ("t", ["Characteristic", "Requirement", "Check"], [
     (S, ["Moisture content", "≤ 22 % new, ≤ 26 % used", "moisture meter, 5 pallets per lot"]),
     (S, ["Mould", "none visible", "100 % visual at unloading"]),
  ]),
  ("p", T, "Export pallets shall carry the ISPM 15 mark of a treatment provider registered with the plant health authority, as required by Regulation (EU) 2016/2031."),
  ("p", I, "Pallets run in our automated high-bay warehouse where conveyors stop on broken skids or protruding nails."),
  ("p", S, "Rejected pallets shall be collected by the supplier at his cost within 5 working days."),
]))

DOCS.append(dict(doc="tab4-msa-kordon-3pl-warehousing", industry="logistics", doc_type="master_supply_agreement", blocks=[
  ("h", "Logistics Services Agreement - Schedules"),
  ("h", "Schedule 4 - Volumes and operating profile"),
  ("kv", [(I, "Inbound", "22-28 containers per week (40' HC), floor-loaded"),
          (I, "SKUs", "about 9,400 active, 35 % bulky items over 30 kg"),
          (I, "Outbound", "average 3,100 web orders per day, peak 9,800 in Black Friday week"),
          (I, "Returns", "14 % of web orders, mostly in original packaging")]),
  ("h", "Schedule 5 - KPIs"),
  ("t", ["KPI", "Definition", "Target", "Penalty"], [
     (S, ["Dock-to-stock", "container unloaded to put-away confirmed", "≤ 24 h for 98 %", ""]),
     (S, ["Order accuracy", "orders without picking error / all orders", "≥ 99.7 %", "€2 per error above threshold"]),
     (S, ["Inventory accuracy", "cycle count, by value", "≥ 99.5 %", "stock loss above 0.2 % charged to Provider"]),
  ]),
  ("h", "Schedule 6 - Rates"),
  ("t", ["Activity", "Unit", "Rate €", "Remarks"], [
     (S, ["Container unloading 40' HC", "container", "265.00", "up to 1,500 cartons"]),
     (S, ["Peak surcharge", "%", "12", "15 Nov - 31 Dec"]),
  ]),
  ("h", "Schedule 7 - Compliance"),
  ("t", ["Topic", "Obligation", "Legal basis"], [
     (T, ["Packaging EPR data", "Provider reports packaging used for shipments to Client by 15 January", "Packaging Act (VerpackG), Client registered as producer"]),
     (T, ["Lithium batteries in stock", "storage in separate fire section", "TRGS 510 / Hazardous Substances Ordinance"]),
     (T, ["Non-Union goods", "Provider holds authorisation for customs warehousing", "Art. 211 Regulation (EU) No 952/2013"]),
  ]),
  ("p", S, "7.2 Rates are indexed annually on 1 April to the consumer price index, capped at 4 %."),
]))

DOCS.append(dict(doc="tab4-qa-merrow-cold-chain", industry="logistics", doc_type="quality_agreement", blocks=[
  ("h", "GDP Quality Agreement - Road Transport of Medicinal Products"),
  ("p", N, "1.1 This Quality Agreement is made under Chapter 9 of the EU Guidelines on Good Distribution Practice (2013/C 343/01)."),
  ("p", I, "1.2 Routes include alpine crossings where outside temperatures fall to -20 °C in winter, and southern Italy where trailer surfaces exceed 50 °C in July."),
  ("t", ["Activity", "Merrow (contract giver)", "Strand (contract acceptor)"], [
     (S, ["Qualification of transport lanes, summer and winter profile", "A", "R"]),
     (S, ["Temperature excursion reported to Merrow within 2 h", "A", "R"]),
     (T, ["Decision on release of goods after excursion by the Responsible Person", "R", "-"]),
     (T, ["Reporting suspected falsified medicines to the competent authority", "R", "C"]),
     (S, ["Subcontracting of transport", "A (written approval)", "R"]),
     (N, ["- = no role; A = approves; R = performs; C = consulted", "", ""]),
  ]),
  ("t", ["Parameter", "Limit", "Monitoring"], [
     (S, ["Cold chain products", "+2 to +8 °C", "logger every 5 min, alarm to dispatch"]),
     (S, ["Controlled room temperature products", "+15 to +25 °C", "logger every 10 min"]),
  ]),
  ("t", ["Document", "Retention", "Owner"], [
     (T, ["Temperature records per shipment", "5 years or longer if national law requires", "Strand"]),
     (S, ["Driver training records", "3 years after driver leaves", "Strand"]),
  ]),
  ("p", T, "Strand shall hold a community licence under Regulation (EC) No 1072/2009 for all vehicles used on international legs."),
  ("t", ["Signed for", "Role", "Date"], [
     (N, ["Merrow Pharma Distribution", "Responsible Person", "06.02.2026"]),
     (N, ["Strand Reefer Transport", "Quality manager", "09.02.2026"]),
  ]),
]))

DOCS.append(dict(doc="tab4-spec-kaldor-sortation", industry="logistics", doc_type="technical_specification", blocks=[
  ("h", "Functional Specification - Parcel Sortation System, Ravnsholt Hub"),
  ("t", ["Item", "Value", "Comment"], [
     (I, ["Building", "existing hall 96 x 140 m, clear height 11.2 m", "floor load 50 kN/m²"]),
     (I, ["Operating hours", "20:00-06:00, 6 nights a week", "Sunday = maintenance window"]),
     (I, ["Parcel mix", "72 % below 5 kg, 3 % non-conveyable", "non-conveyables sorted manually"]),
     (I, ["Volume", "21,000 parcels/h today", "38,000 parcels/h forecast for 2028"]),
     (I, ["Hall climate", "+5 to +30 °C, partly unheated", "condensation at dock doors in winter"]),
  ]),
  ("t", ["Parameter", "Requirement", "Verification"], [
     (S, ["Sorter capacity", "≥ 24,000 items/h sustained, modular to 40,000", "SAT 8 h run"]),
     (S, ["Barcode read rate", "≥ 99.5 % first pass, 5-side scanning", "SAT"]),
     (S, ["Missorts", "≤ 1 in 10,000", "SAT"]),
     (S, ["Item size range", "100x100x20 to 800x600x600 mm, 0.1-31.5 kg", "design review"]),
  ]),
  ("t", ["Legislation", "Requirement", "Evidence"], [
     (T, ["Machinery Directive 2006/42/EC", "CE marking of the complete line as an assembly of machinery", "EC DoC and technical file"]),
     (T, ["EMC Directive 2014/30/EU", "electromagnetic compatibility", "DoC"]),
  ]),
  ("p", S, "The existing manual sort area must stay in operation throughout installation."),
  ("t", ["Rev", "Date", "Description"], [
     (None, ["01", "2025-11-20", "Issued for tender"]),
     (None, ["02", "2026-01-08", "Capacity figures updated after volume forecast"]),
  ]),
]))

DOCS.append(dict(doc="tab4-rfq-sundby-linehaul", industry="logistics", doc_type="rfq_tender", blocks=[
  ("h", "Request for Quotation - Linehaul Transport Nordic/Baltic 2026-2028"),
  ("t", ["Lane", "Origin", "Destination", "Frequency", "Equipment"], [
     (S, ["L01", "Sundby DC (SE)", "Oslo hub (NO)", "daily Mon-Sat", "13.6 m curtainsider"]),
     (S, ["L02", "Sundby DC", "Helsinki via ferry", "3x per week", "reefer, capable of 2-8 °C"]),
     (S, ["L03", "Copenhagen port", "Sundby DC", "on call, approx. 400/yr", "container chassis 40'/45'"]),
  ]),
  ("kv", [(I, "Sundby DC docks", "24 doors, 4 with levellers for low trailers, yard for 30 trailers"),
          (I, "Goods", "consumer electronics, high theft risk")]),
  ("t", ["Req", "Description", "Bidder response"], [
     (S, ["R1", "GPS tracking with ETA feed via API, position every 10 min", "Y/N"]),
     (T, ["R2", "Drivers' hours and tachograph rules, Regulations (EC) No 561/2006 and (EU) No 165/2014", "Y/N"]),
     (S, ["R3", "Goods in transit insurance topped up to EUR 250,000 per load", "Y/N"]),
  ]),
  ("t", ["Criterion", "Weight", "Evidence"], [
     (N, ["Price per lane", "55 %", "lane price form"]),
     (N, ["Service and tracking", "25 %", "demo of tracking portal"]),
     (N, ["Sustainability (HVO / electric share)", "20 %", "fleet list"]),
  ]),
  ("t", ["Submission item", "Mandatory", "Format"], [
     (N, ["Annex 2 lane price form, EUR per load incl. ferry and tolls", "Yes", "xlsx"]),
     (N, ["Copy of community licence", "Yes", "PDF"]),
  ]),
  ("p", N, "Quotations are to be valid for 90 days and sent to the tender mailbox by 15 April 2026."),
  ("p", S, "The carrier shall present a trailer at the dock no later than 30 minutes after the booked slot."),
]))

DOCS.append(dict(doc="tab4-sow-harrowby-customs-brokerage", industry="logistics", doc_type="statement_of_work", blocks=[
  ("h", "Statement of Work - Customs Brokerage Services"),
  ("p", I, "Harrowby Outdoor imports about 1,900 sea containers a year from Asia through two UK ports and exports to retail partners in the EU."),
  ("t", ["Service", "Description", "Service level", "Fee"], [
     (T, ["Import declarations", "lodge customs declarations in CDS within 2 h of complete documents", "98 %", "£32 per entry"]),
     (S, ["Tariff classification", "classify new SKUs and maintain classification database", "5 working days", "£12 per SKU"]),
     (S, ["Monthly reporting", "duty paid per HS chapter, C79 reconciliation", "by 10th of month", "incl."]),
     (T, ["Record keeping", "import and export records kept 4 years as required by HMRC", "", "incl."]),
  ]),
  ("t", ["Phase", "Dates", "Deliverable"], [
     (S, ["Onboarding", "March 2026", "process map and SKU master file loaded"]),
     (S, ["Parallel run", "April 2026", "50 entries shadowed, ≤ 2 % discrepancies"]),
  ]),
  ("p", S, "The Broker shall notify Harrowby within 1 working day of any HMRC query, post-clearance audit or penalty notice on its entries."),
  ("p", S, "Duty overpaid, penalties or demurrage caused by Broker errors shall be refunded to Harrowby."),
]))

DOCS.append(dict(doc="tab4-minutes-pellworth-carrier-qbr", industry="logistics", doc_type="meeting_minutes", blocks=[
  ("h", "QBR Q4/2025 - Pellworth Retail / Tarn Express"),
  ("kv", [(N, "Date", "2026-01-22"), (N, "Venue", "video call"), (N, "Distribution", "attendees, Pellworth logistics director")]),
  ("t", ["KPI", "Target", "Q4 actual", "Trend"], [
     (S, ["On-time delivery to stores", "≥ 96 %", "93.8 %", "down"]),
     (S, ["POD available within 24 h", "98 %", "99.1 %", "up"]),
     (S, ["Damage claims", "< 0.3 % of shipments", "0.41 %", "down"]),
  ]),
  ("p", N, "Tarn explained the December misses by driver shortage at peak and a three-night closure of the A14."),
  ("p", I, "Pellworth opens two Highland stores in April, both with rear access only from a narrow lane."),
  ("t", ["Ref", "Action", "By", "Due"], [
     (S, ["A1", "OTD recovery plan with weekly reporting until ≥ 96 % for 4 weeks", "Tarn", "05.02.2026"]),
     (S, ["A2", "Check availability of rigid vehicles max. 10 m for the new Highland stores", "Tarn", "31.03.2026"]),
     (S, ["A3", "Send root cause analysis for damaged cosmetics pallets (Dec.)", "Tarn", "12.02.2026"]),
     (N, ["A4", "Proposal on change of fuel surcharge index", "Tarn commercial", "next QBR"]),
     (N, ["A5", "Update contact list and escalation matrix", "both", "ongoing"]),
  ]),
]))

DOCS.append(dict(doc="tab4-po-ravel-dg-packaging", industry="logistics", doc_type="purchase_order", blocks=[
  ("h", "Purchase Order RV-PO-33871"),
  ("kv", [(N, "PO", "RV-PO-33871"),
          (N, "Order date", "2 Feb 2026"),
          (S, "Incoterms", "FCA supplier's plant, collected by our carrier (Incoterms 2020)"),
          (S, "Packaging", "palletised and shrink-wrapped, max. 1.2 m high, one article per pallet"),
          (N, "Contact", "Purchasing, ext. 214")]),
  ("t", ["Item", "Part no.", "Description", "Qty", "Due"], [
     (S, ["1", "JC-20L-UN", "Jerrican 20 L HDPE, closed head, UN 3H1/Y1.8/150, vented cap", "2 400", "16.02.2026"]),
     (S, ["2", "IBC-1000", "IBC 1000 L, UN 31HA1/Y, composite pallet", "80", "02.03.2026"]),
  ]),
  ("t", ["Requirement", "Evidence", "Due"], [
     (T, ["Design type approval for each UN packaging per ADR 6.1 and 6.5", "approval certificate from competent authority", "with 1st delivery"]),
     (S, ["Production date and batch moulded on each item", "visual check", "each delivery"]),
     (T, ["SVHC information under REACH Art. 33", "supplier declaration", "yearly"]),
  ]),
  ("p", I, "Our line fills sodium hypochlorite at 35 °C and the product builds up gas pressure in closed containers."),
  ("p", S, "Packagings without the correct UN marking will be returned at the supplier's cost."),
]))

DOCS.append(dict(doc="tab4-spec-brockley-reefer-trailers", industry="logistics", doc_type="technical_specification", blocks=[
  ("h", "Specification - Multi-Temperature Semi-Trailers (30 units)"),
  ("p", I, "The trailers will serve 140 stores from the Brockley DC, most of them in town centres with tight loading bays."),
  ("t", ["Condition", "Value", "Note"], [
     (I, ["Ambient during operation", "-25 °C to +40 °C", "Nordic winter and southern European summer routes"]),
     (I, ["Door openings", "up to 22 per shift", "urban multi-drop"]),
     (I, ["Night deliveries", "quiet delivery schemes in 4 cities", "residential streets"]),
  ]),
  ("t", ["Item", "Requirement", "Remark"], [
     (S, ["Body", "13.6 m, 2 compartments, movable bulkhead", ""]),
     (S, ["Refrigeration unit", "diesel/electric hybrid, 400 V standby", ""]),
     (S, ["Noise, silent mode", "PIEK certified, < 60 dB(A) at 7.5 m", ""]),
     (T, ["Temperature recorder", "EN 12830, printout at rear door", "required by Regulation (EC) No 37/2005 for quick-frozen food"]),
  ]),
  ("t", ["Regulation", "Applies", "Evidence"], [
     (T, ["ATP Agreement, class FRC", "Yes", "ATP certificate per trailer"]),
     (T, ["Type approval, Regulation (EU) 2018/858", "Yes", "CoC per VIN"]),
  ]),
  ("p", S, "Delivery in two batches of 15 trailers, by week 36/2026 and week 44/2026."),
]))
