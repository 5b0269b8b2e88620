"""Lowering Bicep to the template model: the cases the compiler writes differently from a plain
reading of the syntax (checked against `bicep build` output in the AVM corpus)."""
from armlint.bicep.lower import ModuleLoader


def lowered(text: str):
    return ModuleLoader().lowered(None, text)[1]


def test_secure_outputs_get_the_secure_types_the_compiler_writes():
    t = lowered("@secure()\noutput key string = 'x'\n@secure()\noutput cfg object = {}\n"
                "output plain string = 'y'\n")
    assert [t["outputs"][n]["type"] for n in ("key", "cfg", "plain")] == \
        ["securestring", "secureObject", "string"]


def test_list_calls_on_a_resource_keep_their_arguments():
    t = lowered("resource st 'Microsoft.Storage/storageAccounts@2023-05-01' existing = { name: 'st' }\n"
                "output a object = st.listKeys()\n"
                "output b object = st.listAccountSas('2021-04-01', { signedExpiry: 'x' })\n")
    a, b = (t["outputs"][n]["value"] for n in ("a", "b"))
    assert a.startswith("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2023-05-01')")
    assert b.startswith("[listAccountSas(resourceId('Microsoft.Storage/storageAccounts', 'st'), '2021-04-01', ")
    assert "signedExpiry" in b
