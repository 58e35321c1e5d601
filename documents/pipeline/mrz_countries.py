"""Country codes an MRZ may hold (ICAO Doc 9303 Part 3): ISO 3166-1 alpha-3 and ICAO's own.

Country codes carry no check digit; one that is no country is a misread (IRA for IRQ),
and the other readings of the zone are asked for a real one.
"""

ISO_3166 = frozenset("""
    ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR
    BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG
    COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH
    FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY
    HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
    KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL
    MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR
    NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU
    SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA
    TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB
    VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
""".split())

# Germany's one letter, British nationality classes, United Nations and other organisations,
# stateless persons and refugees, unspecified nationality, Kosovo, and the ICAO specimens' Utopia.
ICAO_ONLY = frozenset("""
    D GBD GBN GBO GBP GBS UNA UNK UNO XBA XCC XCE XCO XDC XEC XES XIM XMP XOM XPO XXA XXB XXC XXX EUE RKS
    UTO
""".split())

COUNTRY_CODES = ISO_3166 | ICAO_ONLY


def is_country_code(field: str) -> bool:
    """``field`` as it stands in the MRZ (three characters, "D<<" for Germany)."""
    return field.rstrip("<") in COUNTRY_CODES and "<" not in field.rstrip("<")
