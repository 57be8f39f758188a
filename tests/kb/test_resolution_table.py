"""A table of resolution cases in short real-looking texts: what each mention
resolves to, and (a third of them) what it must NOT be merged with."""
from __future__ import annotations

import pytest

from warta.model import Document, RawPage, WorkDoc
from warta.pipeline import get_stage

# (text, mention as written, the canonical name it must resolve to)
MERGE = [
    ("Xiaomi mulai memproduksi mobil. Xioami menargetkan 100.000 unit.", "Xioami", "Xiaomi"),
    ("Xiaomi mulai memproduksi mobil. Xiami sangat tertarik pada pasar ini.", "Xiami", "Xiaomi"),
    ("Produsen mobil Beijing Automotive Group menambah modal.", "Beijing Automotive Group", "BAIC Group"),
    ("BAIC menambah modal.", "BAIC", "BAIC Group"),
    ("Ekonomi Negeri Tirai Bambu tumbuh lima persen.", "Negeri Tirai Bambu", "China"),
    ("Pabrikan Negeri Sakura itu menambah investasi.", "Negeri Sakura", "Japan"),
    ("Investor dari Negeri Ginseng masuk ke Batang.", "Negeri Ginseng", "South Korea"),
    ("Tarif impor Negeri Paman Sam naik.", "Negeri Paman Sam", "United States"),
    ("Perusahaan dari Negeri Jiran membuka pabrik.", "Negeri Jiran", "Malaysia"),
    ("Investor Negeri Singa menambah porsi saham.", "Negeri Singa", "Singapore"),
    ("Ekspor ke Negeri Kanguru naik.", "Negeri Kanguru", "Australia"),
    ("Produsen Negeri Gajah Putih memperluas pasar.", "Negeri Gajah Putih", "Thailand"),
    ("Perusahaan Negeri Kincir Angin itu menjual saham.", "Negeri Kincir Angin", "Netherlands"),
    ("Pemerintah Tiongkok memberi subsidi.", "Tiongkok", "China"),
    ("Pabrik baru di Jerman dibuka.", "Jerman", "Germany"),
    ("Produsen asal Korea Selatan berinvestasi.", "Korea Selatan", "South Korea"),
    ("BMW Group menambah dealer. BMW juga menjual mobil listrik.", "BMW", "BMW Group"),
    ("Alibaba Group meneken kontrak. Alibaba juga menyiapkan dana.", "Alibaba", "Alibaba Group"),
    ("Alibaba Cloud membuka pusat data di Jakarta.", "Alibaba Cloud", "Alibaba Cloud"),
    ("PT Astra International Tbk mencatat laba.", "PT Astra International Tbk", "Astra International"),
    ("Astra menambah investasi di sektor nikel.", "Astra", "Astra International"),
    ("PT Pertamina (Persero) menaikkan harga BBM.", "PT Pertamina (Persero)", "Pertamina"),
    ("PT PLN (Persero) menambah SPKLU.", "PT PLN (Persero)", "PLN"),
    ("Perusahaan Listrik Negara menambah SPKLU.", "Perusahaan Listrik Negara", "PLN"),
    ("Hyundai Motor Company membangun pabrik.", "Hyundai Motor Company", "Hyundai Motor Company"),
    ("Hyundai membangun pabrik baterai.", "Hyundai", "Hyundai Motor Company"),
    ("LG Energy Solution memasok baterai.", "LG Energy Solution", "LG Energy Solution"),
    ("LGES memasok baterai.", "LGES", "LG Energy Solution"),
    ("Indonesia Battery Corporation menggandeng mitra.", "Indonesia Battery Corporation", "Indonesia Battery Corporation"),
    ("IBC menggandeng mitra baru.", "IBC", "Indonesia Battery Corporation"),
    ("Contemporary Amperex Technology menambah kapasitas.", "Contemporary Amperex Technology", "CATL"),
    ("CATL menambah kapasitas.", "CATL", "CATL"),
    ("VinFast membuka diler.", "VinFast", "VinFast"),
    ("Vinfast membuka diler.", "Vinfast", "VinFast"),
    ("Wuling Motors meluncurkan mobil.", "Wuling Motors", "SAIC-GM-Wuling"),
    ("Toyota Motor Corporation menambah investasi.", "Toyota Motor Corporation", "Toyota"),
    ("GoTo Gojek Tokopedia mencatat laba.", "GoTo Gojek Tokopedia", "GoTo"),
    ("Kantor Berita Antara melaporkan hal itu.", "Kantor Berita Antara", "Antara"),
    ("Menurut Reuters, kesepakatan itu batal.", "Reuters", "Reuters"),
    ("Tesla Inc. menunda pabrik.", "Tesla Inc.", "Tesla"),
    ("Mercedes-Benz membuka pabrik.", "Mercedes-Benz", "Mercedes-Benz Group"),
    ("Volkswagen AG menambah modal.", "Volkswagen AG", "Volkswagen Group"),
    ("Proyek di Distrik Pudong dimulai.", "Distrik Pudong", "Pudong"),
    ("Pabrik di Provinsi Jawa Barat dibangun.", "Provinsi Jawa Barat", "West Java"),
    ("Kawasan di Kabupaten Morowali berkembang.", "Kabupaten Morowali", "Morowali"),
    ("Smelter di Sulawesi Tengah beroperasi.", "Sulawesi Tengah", "Central Sulawesi"),
    ("Pabrik di Jawa Tengah dibangun.", "Jawa Tengah", "Central Java"),
    ("Proyek di IKN dimulai.", "IKN", "Nusantara Capital City"),
    ("Kementerian Perindustrian mencatat investasi.", "Kementerian Perindustrian", "Kementerian Perindustrian"),
    ("Kemenperin mencatat investasi.", "Kemenperin", "Kementerian Perindustrian"),
    ("Bank Rakyat Indonesia menyalurkan kredit.", "Bank Rakyat Indonesia", "Bank Rakyat Indonesia"),
    ("Grab Holdings menambah armada.", "Grab Holdings", "Grab"),
    ("Sea Limited mencatat laba.", "Sea Limited", "Sea Group"),
    ("Foxconn membangun pabrik.", "Foxconn", "Foxconn"),
    ("Hon Hai membangun pabrik.", "Hon Hai", "Foxconn"),
    ("Mitsubishi Motors Krama Yudha Sales Indonesia meluncurkan Xforce.", "Mitsubishi Motors Krama Yudha Sales Indonesia", "Mitsubishi Motors"),
    ("Huawei Technologies membuka pusat riset.", "Huawei Technologies", "Huawei"),
    ("Samsung Electronics membangun pabrik.", "Samsung Electronics", "Samsung Electronics"),
    ("Geely Auto memperluas pasar.", "Geely Auto", "Geely"),
    ("Great Wall Motors masuk Indonesia.", "Great Wall Motors", "Great Wall Motor"),
    ("Chery Automobile menambah diler.", "Chery Automobile", "Chery"),
    ("Brilliance Auto Group menjual saham.", "Brilliance Auto Group", "Brilliance Auto"),
    ("Meta Platforms menambah server. Meta juga memperluas layanan WhatsApp.", "Meta", "Meta Platforms"),
    ("Contemporary Amperex Technolgy berinvestasi di Aceh.", "Contemporary Amperex Technolgy", "CATL"),
    ("Pertamnia menaikkan harga.", "Pertamnia", "Pertamina"),
    ("Hyundia membangun pabrik. Hyundai juga menambah dealer.", "Hyundia", "Hyundai Motor Company"),
    ("Perusahaan itu dipimpin Elon Musk. Musk menyebut pabrik akan dibangun.", "Musk", "Elon Musk"),
]

# (text, mention as written, a canonical name it must NOT resolve to)
APART = [
    ("Meta menjual mobil listrik di China.", "Meta", "Meta Platforms"),
    ("LG memasok panel.", "LG", "LX International"),
    ("LX International membeli tambang.", "LX International", "LG Group"),
    ("Neta meluncurkan SUV listrik.", "Neta", "Meta Platforms"),
    ("BMW Group menjual mobil.", "BMW Group", "Mini"),
    ("Alibaba Cloud membuka pusat data.", "Alibaba Cloud", "Alibaba Group"),
    ("Ant Group menunda IPO.", "Ant Group", "Alibaba Group"),
    ("Honda menjual motor.", "Honda", "Hyundai Motor Company"),
    ("Kia meluncurkan EV9.", "Kia", "Hyundai Motor Company"),
    ("SK On membangun pabrik.", "SK On", "SK Hynix"),
    ("Samsung SDI membangun pabrik.", "Samsung SDI", "Samsung Electronics"),
    ("Mitsubishi Motors meluncurkan Xforce.", "Mitsubishi Motors", "Mitsubishi Corporation"),
    ("Mitsubishi Corporation berinvestasi.", "Mitsubishi Corporation", "Mitsubishi Motors"),
    ("Tokopedia menambah penjual.", "Tokopedia", "GoTo"),
    ("Gojek menambah mitra.", "Gojek", "GoTo"),
    ("Grab menambah mitra.", "Grab", "GoTo"),
    ("Shopee menambah penjual.", "Shopee", "Sea Group"),
    ("Toyota menjual Innova.", "Toyota", "Daihatsu"),
    ("Daihatsu menjual Ayla.", "Daihatsu", "Toyota"),
    ("Volvo Cars meluncurkan EX30.", "Volvo Cars", "Volvo Group"),
    ("Geely membeli saham.", "Geely", "Great Wall Motor"),
    ("Pertamina Patra Niaga membuka SPBU.", "Pertamina Patra Niaga", "Pertamina"),
    ("Bank Indonesia menahan suku bunga.", "Bank Indonesia", "Bank Negara Indonesia"),
    ("Vale Indonesia menunda smelter.", "Vale Indonesia", "Vale"),
    ("Jakarta Post melaporkan.", "Jakarta Post", "Jakarta"),
    ("Pabrik di Jawa Barat dibangun.", "Jawa Barat", "Java"),
    ("Hyundai Mobis memasok komponen.", "Hyundai Mobis", "Hyundai Motor Company"),
    ("Tesla membuka pabrik.", "Tesla", "Tesla Energy"),
    ("BYD menjual Seal.", "BYD", "BAIC Group"),
    ("Chery menjual Omoda.", "Chery", "Changan"),
    ("Changan masuk pasar.", "Changan", "Chery"),
    ("Nissan menjual Kicks.", "Nissan", "Nissan Motor Co."),
    ("Geely dan Seres bersaing.", "Seres", "Geely"),
    ("Xpeng bekerja sama dengan Erajaya.", "Xpeng", "Xiaomi"),
]


@pytest.fixture(scope="module")
def resolve_text():
    nlp, res = get_stage("nlp"), get_stage("resolve")

    def run(text: str):
        wd = WorkDoc(raw=RawPage("t", "test", "text", text), doc=Document(doc_id="t", body=text, language="id"))
        return res(nlp(wd)).doc.entities
    return run


def _entity_of(entities, surface: str):
    for e in entities:
        if any(m.text == surface for m in e.mentions):
            return e
    return None


@pytest.mark.parametrize("text,surface,name", MERGE, ids=[m[1] + "->" + m[2] for m in MERGE])
def test_resolves(resolve_text, text, surface, name):
    e = _entity_of(resolve_text(text), surface)
    assert e is not None, f"{surface!r} was not found as a mention"
    assert e.name == name


@pytest.mark.parametrize("text,surface,forbidden", APART, ids=[a[1] + "!=" + a[2] for a in APART])
def test_does_not_merge(resolve_text, text, surface, forbidden):
    e = _entity_of(resolve_text(text), surface)
    assert e is None or e.name != forbidden


def test_table_size():
    assert len(MERGE) + len(APART) >= 100 and len(APART) * 3 >= len(MERGE) + len(APART)
