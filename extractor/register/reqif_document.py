"""Build a ReqIF 1.2 document with the ``reqif`` package; the only module that imports it.

One SPEC-OBJECT-TYPE ``Requirement`` with a string attribute per export field,
one SPEC-OBJECT per entry and one SPECIFICATION listing them in register order.
The standard attribute names ``ReqIF.ForeignID`` (the REQ id) and ``ReqIF.Text``
(the requirement) let DOORS, Polarion and ReqView map the columns themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from typing import Any

from reqif.models.reqif_core_content import ReqIFCoreContent
from reqif.models.reqif_data_type import ReqIFDataTypeDefinitionString
from reqif.models.reqif_namespace_info import ReqIFNamespaceInfo
from reqif.models.reqif_req_if_content import ReqIFReqIFContent
from reqif.models.reqif_reqif_header import ReqIFReqIFHeader
from reqif.models.reqif_spec_hierarchy import ReqIFSpecHierarchy
from reqif.models.reqif_spec_object import ReqIFSpecObject, SpecObjectAttribute
from reqif.models.reqif_spec_object_type import ReqIFSpecObjectType, SpecAttributeDefinition
from reqif.models.reqif_specification import ReqIFSpecification
from reqif.models.reqif_specification_type import ReqIFSpecificationType
from reqif.models.reqif_types import SpecObjectAttributeType
from reqif.object_lookup import ReqIFObjectLookup
from reqif.reqif_bundle import ReqIFBundle
from reqif.unparser import ReqIFUnparser

from extractor.records import flat_text

STRING_TYPE = "reqx-string"
OBJECT_TYPE = "reqx-requirement"
SPECIFICATION_TYPE = "reqx-register-type"
SPECIFICATION = "reqx-register"
STANDARD_NAMES = {"id": "ReqIF.ForeignID", "text": "ReqIF.Text", "section": "ReqIF.ChapterName"}
STRING = SpecObjectAttributeType.STRING


def attribute_id(field: str) -> str:
    return f"reqx-attr-{field.replace('_', '-')}"


def reqif_time(value: Any) -> str | None:
    """An ISO time ("2026-11-27T09:15:02.123+00:00") as ReqIF writes it, in UTC; None
    when there is none or it does not parse."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def reqif_xml(records: Sequence[Mapping[str, Any]], fields: Sequence[str], stamp: str) -> str:
    """The ReqIF XML for ``records`` (each has ``fields``); ``stamp`` is the LAST-CHANGE time."""
    definitions = [
        SpecAttributeDefinition(
            attribute_type=STRING,
            identifier=attribute_id(field),
            datatype_definition=STRING_TYPE,
            last_change=stamp,
            long_name=STANDARD_NAMES.get(field, field),
        )
        for field in fields
    ]
    objects = [
        ReqIFSpecObject(
            identifier=str(record["id"]),
            attributes=[
                SpecObjectAttribute(STRING, attribute_id(field), flat_text(record.get(field)))
                for field in fields
            ],
            spec_object_type=OBJECT_TYPE,
            # when the entry was last decided or edited, as a requirements tool reads it
            # to see what changed since its last import; not the export's time
            last_change=reqif_time(record.get("updated_at")) or stamp,
            long_name=str(record["id"]),
        )
        for record in records
    ]
    hierarchy = [
        ReqIFSpecHierarchy(
            identifier=f"{spec_object.identifier}-in-register",
            spec_object=spec_object.identifier,
            level=1,
            last_change=spec_object.last_change,
        )
        for spec_object in objects
    ]
    content = ReqIFReqIFContent(
        data_types=[
            ReqIFDataTypeDefinitionString(
                identifier=STRING_TYPE, last_change=stamp, long_name="text", max_length="1000000"
            )
        ],
        spec_types=[
            ReqIFSpecObjectType(
                identifier=OBJECT_TYPE,
                last_change=stamp,
                long_name="Requirement",
                attribute_definitions=definitions,
            ),
            ReqIFSpecificationType(
                identifier=SPECIFICATION_TYPE,
                last_change=stamp,
                long_name="Requirements register",
                is_self_closed=True,
            ),
        ],
        spec_objects=objects,
        spec_relations=[],
        specifications=[
            ReqIFSpecification(
                identifier=SPECIFICATION,
                last_change=stamp,
                long_name="Requirements register",
                specification_type=SPECIFICATION_TYPE,
                children=hierarchy,
            )
        ],
    )
    bundle = ReqIFBundle(
        namespace_info=ReqIFNamespaceInfo.create_default(),
        req_if_header=ReqIFReqIFHeader(
            identifier="reqx-register-export",
            creation_time=stamp,
            req_if_tool_id="reqx",
            req_if_version="1.0",
            source_tool_id="reqx",
            title="Requirements register",
        ),
        core_content=ReqIFCoreContent(req_if_content=content),
        tool_extensions_tag_exists=False,
        lookup=ReqIFObjectLookup.empty(),
        exceptions=[],
    )
    return str(ReqIFUnparser.unparse(bundle))
