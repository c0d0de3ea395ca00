"""Resolution texts as a PDF's text extraction gives them, written for these tests (not UN text).

PAGED has what a pasted resolution carries: the masthead, a title wrapped over three lines and
repeated as a two-line running header, footnote separators and footnotes at the foot of each page,
job numbers, date codes and barcodes, a clause broken across a page, and a "(resumed)" closing
line. CLEAN is the same resolution as its author wrote it; both must read as the same clauses.
"""
from __future__ import annotations

CLEAN_CLAUSES = {
    "preamble": [
        "Recalling its resolution 97/185 of 19 December 2042 on the protection of cultural property "
        "against trafficking and the Convention on the Means of Prohibiting and Preventing the Illicit "
        "Import, Export and Transfer of Ownership of Cultural Property,",
        "Deeply concerned that organized criminal groups use the proceeds of the illicit trade in "
        "cultural property to finance other serious crimes,",
        "Noting with appreciation the work of the Commission on Crime Prevention and Criminal "
        "Justice and of the United Nations Office on Drugs and Crime,",
    ],
    "operative": [
        "Urges Member States to criminalize trafficking in cultural property as a serious crime;",
        "Invites Member States to share information on seized objects through the databases of "
        "the International Criminal Police Organization, in accordance with their domestic law;",
        "Requests the United Nations Office on Drugs and Crime to continue to provide technical "
        "assistance to Member States, upon request, in the investigation and prosecution of "
        "trafficking in cultural property;",
        "Also requests the Secretary-General to report to the General Assembly at its one hundred "
        "and first session on the implementation of the present resolution.",
    ],
}

PAGED = """\
United Nations
A/RES/99/217
General Assembly
Distr.: General
3 January 2045
Ninety-ninth session
Agenda item 108
Crime prevention and criminal justice
Resolution adopted by the General Assembly on 21 December 2044
[on the report of the Third Committee (A/99/480)]
99/217. Strengthening crime prevention and criminal justice
responses to the smuggling of cultural property and
the laundering of its proceeds

The General Assembly,

Recalling its resolution 97/185 of 19 December 2042 on the protection of cultural property
against trafficking and the Convention on the Means of Prohibiting and Preventing the Illicit
Import, Export and Transfer of Ownership of Cultural Property,1

Deeply concerned that organized criminal groups use the proceeds of the illicit trade in
__________________
1
United Nations, Treaty Series, vol. 823, No. 11806.

44-21771 (E)
030145
*4421771*

A/RES/99/217
Strengthening crime prevention and criminal justice responses to the
smuggling of cultural property and the laundering of its proceeds

cultural property to finance other serious crimes,

Noting with appreciation the work of the Commission on Crime Prevention and Criminal
Justice and of the United Nations Office on Drugs and Crime,

1. Urges Member States to criminalize trafficking in cultural property as a serious crime;

2. Invites Member States to share information on seized objects through the databases of the
International Criminal Police Organization, in accordance with their domestic law;2
__________________
2
See A/99/128, para. 14.
44-21771
2/3

A/RES/99/217
Strengthening crime prevention and criminal justice responses to the
smuggling of cultural property and the laundering of its proceeds

3. Requests the United Nations Office on Drugs and Crime to continue to provide technical
assistance to Member States, upon request, in the investigation and prosecution of
trafficking in cultural property;

4. Also requests the Secretary-General to report to the General Assembly at its one hundred
and first session on the implementation of the present resolution.

48th (resumed) plenary meeting
21 December 2044
"""

# The same page, extracted with the organ's line lost (two-column mastheads often lose it).
NO_ORGAN_LINE = PAGED.replace("The General Assembly,\n", "")

# A delegate's paper hard-wrapped at 70 columns, without blank lines between clauses: wrapped lines
# begin with capitals (names, titles) and follow lines that end in "," or ";".
WRAPPED = """\
Committee: Commission on Crime Prevention and Criminal Justice
Topic: Money laundering
Sponsors: Ghana, Peru
Signatories: Chile, Norway, Saint Vincent and the
Grenadines, Uruguay

The Commission on Crime Prevention and Criminal Justice,
Recalling the Council of Europe Convention on Laundering, Search, Seizure and Confiscation of the
Proceeds of Crime and on the Financing of Terrorism,
Welcoming the work of the Financial Action Task Force, the Egmont Group of Financial Intelligence Units,
United Nations entities and regional bodies,
1. Encourages Member States to ratify the United Nations Convention against Corruption;
2. Calls upon Member States to cooperate with the Financial Intelligence Units of other States,
Interpol and the United Nations Office on Drugs and Crime;
3. Requests the Secretariat to report at the next session.
"""
WRAPPED_CLAUSES = {
    "preamble": [
        "Recalling the Council of Europe Convention on Laundering, Search, Seizure and Confiscation "
        "of the Proceeds of Crime and on the Financing of Terrorism,",
        "Welcoming the work of the Financial Action Task Force, the Egmont Group of Financial "
        "Intelligence Units, United Nations entities and regional bodies,",
    ],
    "operative": [
        "Encourages Member States to ratify the United Nations Convention against Corruption;",
        "Calls upon Member States to cooperate with the Financial Intelligence Units of other "
        "States, Interpol and the United Nations Office on Drugs and Crime;",
        "Requests the Secretariat to report at the next session.",
    ],
}
