"""Names people are called by: first and last names that go together, and famous pairings.

Plain tables only; the generator decides how they combine. The name lists are drawn so
no pairing names a famous person (see ``BLOCKED_NAMES``).
"""

from __future__ import annotations

from typing import NamedTuple


def words(text: str) -> tuple[str, ...]:
    """The comma-separated words of ``text``, so multi-word surnames ("De la Cruz") stay whole."""
    return tuple(word.strip() for word in text.split(",") if word.strip())


class NameGroup(NamedTuple):
    """First and last names common together in one culture, and how often we meet it."""

    weight: int
    first: tuple[str, ...]
    last: tuple[str, ...]


NAME_GROUPS: tuple[NameGroup, ...] = (
    NameGroup(
        20,
        words(
            "James, Emily, Michael, Sarah, David, Jessica, Robert, Ashley, Matthew, Megan,"
            "Andrew, Lauren, Brian, Rachel, Kevin, Heather, Jason, Amanda, Eric, Nicole,"
            "Timothy, Katherine, Gregory, Melissa, Scott, Rebecca, Dorothy, Harold, Carol, Wayne"
        ),
        words(
            "Miller, Thompson, Anderson, Harris, Clark, Lewis, Walker, Hall, Allen, Young,"
            "Wright, Hill, Baker, Carter, Mitchell, Roberts, Turner, Phillips, Parker, Evans,"
            "Collins, Stewart, Morris, Rogers, Reed, Cook, Bailey, Cooper, Howard, Ward"
        ),
    ),
    NameGroup(
        6,
        words(
            "Malik, Imani, Darnell, Aaliyah, Terrence, Keisha, Jamal, Tasha, Andre, Monique,"
            "Marcus, Jasmine, Devon, Ebony, Reginald, Latoya, Cedric, Tamara, Khalil, Nia"
        ),
        words(
            "Jefferson, Banks, Freeman, Mosley, Gaines, Whitaker, Booker, Dorsey, Merriweather,"
            "Tillman, Battle, Ware, Pettaway, Hairston, Rucker, Staton, Gadsden, Fields"
        ),
    ),
    NameGroup(
        16,
        words(
            "José, María, Luis, Carmen, Javier, Ana, Miguel, Sofía, Alejandro, Lucía, Carlos,"
            "Gabriela, Diego, Valentina, Ricardo, Isabel, Fernando, Adriana, Raúl, Beatriz,"
            "Eduardo, Marisol, Tomás, Guadalupe, Andrés, Paola, Héctor, Yesenia"
        ),
        words(
            "García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez,"
            "Torres, Flores, Rivera, Gómez, Díaz, Morales, Ortiz, Castillo, Vargas, Romero,"
            "Mendoza, Guzmán, Salazar, Herrera, Medina, Aguilar, Delgado, De la Cruz, Villanueva"
        ),
    ),
    NameGroup(
        6,
        words(
            "Siobhan, Declan, Aoife, Ciarán, Niamh, Eamon, Fiona, Padraig, Maeve, Callum,"
            "Ailsa, Fergus, Sinéad, Rory, Moira, Brendan, Orla, Cormac, Iona, Lachlan"
        ),
        words(
            "O'Brien, Murphy, Kelly, O'Sullivan, Walsh, McCarthy, Byrne, Ryan, O'Connor,"
            "Doyle, MacLeod, Campbell, Fraser, McKenzie, Gallagher, Kavanagh, Donnelly, Quinn"
        ),
    ),
    NameGroup(
        5,
        words(
            "Giulia, Marco, Francesca, Luca, Chiara, Matteo, Alessandra, Giovanni, Elena,"
            "Stefano, Paola, Vincenzo, Teresa, Salvatore, Rosa, Antonio"
        ),
        words(
            "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco,"
            "Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Lombardi"
        ),
    ),
    NameGroup(
        6,
        words(
            "Anna, Lukas, Greta, Henrik, Ingrid, Jonas, Astrid, Erik, Frieda, Nils, Karin,"
            "Dieter, Solveig, Anders, Liesel, Torsten, Sigrid, Magnus"
        ),
        words(
            "Schneider, Fischer, Weber, Becker, Hoffmann, Schulz, Koch, Lindqvist, Johansson,"
            "Halvorsrud, Nygaard, Bergström, Eriksen, Vogel, Krause, Lindgren, Dahl, Engel"
        ),
    ),
    NameGroup(
        4,
        words(
            "Katarzyna, Tomasz, Agnieszka, Piotr, Magdalena, Krzysztof, Olena, Dmitri, Irina,"
            "Pavel, Milena, Bogdan, Zofia, Marek, Natalia, Oksana"
        ),
        words(
            "Kowalski, Nowak, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Novak,"
            "Shevchenko, Petrenko, Horvat, Kovačević, Dvořák, Popescu, Ivanova, Sokolov"
        ),
    ),
    NameGroup(
        5,
        words(
            "Wei, Mei, Jun, Xiaoling, Hao, Yan, Lei, Ying, Jian, Lan, Chen, Hui, Zhiwei, Qing,"
            "Bo, Lili"
        ),
        words(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu,"
            "Guo, Lin, Tan"
        ),
    ),
    NameGroup(
        5,
        words(
            "Priya, Arjun, Ananya, Rahul, Deepa, Vikram, Kavya, Sanjay, Lakshmi, Rohan, Meera,"
            "Aditya, Nisha, Karthik, Shreya, Harpreet, Gurpreet, Anil"
        ),
        words(
            "Patel, Sharma, Iyer, Reddy, Nair, Gupta, Desai, Menon, Rao, Krishnan, Joshi,"
            "Singh, Natarajan, Kulkarni, Chatterjee, Bhatt, Pillai, Sandhu"
        ),
    ),
    NameGroup(
        3,
        words("Min-jun, Ji-woo, Seo-yeon, Hyun-woo, Eun-ji, Jae-hyun, Soo-ah, Dong-hyun, Ha-eun"),
        words("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin"),
    ),
    NameGroup(
        3,
        words("Linh, Minh, Thao, Duc, Huong, Quang, Mai, Tuan, Lan Anh, Bao, Trang, Khoa"),
        words("Nguyen, Tran, Le, Pham, Hoang, Phan, Vu, Vo, Dang, Bui, Do, Ngo"),
    ),
    NameGroup(
        3,
        words("Maricel, Jomar, Rowena, Arnel, Lorna, Rodel, Cristina, Jericho, Analyn, Ramil"),
        words(
            "Santos, Reyes, Cruz, Bautista, Villanueva, Mendoza, Aquino, Ramos, Dela Rosa,"
            "Manalo, Pascual, Tolentino"
        ),
    ),
    NameGroup(
        2,
        words("Haruka, Kenji, Yuki, Takeshi, Aiko, Hiroshi, Emi, Daisuke, Naomi, Sora"),
        words(
            "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi,"
            "Kato, Yoshida, Matsumoto"
        ),
    ),
    NameGroup(
        4,
        words(
            "Chinedu, Ngozi, Oluwaseun, Adaeze, Kwame, Ama, Kofi, Abena, Emeka, Folasade,"
            "Tunde, Yetunde, Selam, Dawit, Hiwot, Tesfaye, Amara, Chiamaka"
        ),
        words(
            "Okafor, Adeyemi, Okonkwo, Balogun, Mensah, Asante, Boateng, Owusu, Eze, Nwosu,"
            "Adebayo, Tadesse, Haile, Bekele, Abebe, Osei"
        ),
    ),
    NameGroup(
        3,
        words(
            "Omar, Layla, Yusuf, Fatima, Karim, Noor, Hassan, Mariam, Tariq, Rania, Samir,"
            "Leila, Darius, Shirin, Reza, Yasmin"
        ),
        words(
            "Haddad, Khoury, Nasser, Saleh, Mansour, Aziz, Hamdan, Farah, Rahimi, Tehrani,"
            "Karimi, Ahmadi, Suleiman, Barakat"
        ),
    ),
    NameGroup(
        2,
        words("Miriam, Avi, Shira, Eli, Rivka, Noam, Tova, Ari, Hannah, Yosef"),
        words("Cohen, Levy, Katz, Friedman, Goldberg, Rosen, Weiss, Abramowitz, Shapiro"),
    ),
    NameGroup(
        2,
        words("Eleni, Nikos, Sofia, Giorgos, Katerina, Dimitri, Despina, Yannis"),
        words("Papadopoulos, Georgiou, Pappas, Nikolaidis, Christodoulou, Vlachos"),
    ),
    NameGroup(
        3,
        words(
            "Amélie, Étienne, Geneviève, Mathieu, Chloé, Benoît, Sylvie, Olivier, Josée,"
            "Rémi, Élodie, Sébastien"
        ),
        words(
            "Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin,"
            "Bélanger, Pelletier, Lefebvre"
        ),
    ),
)

# Pairings our lists could produce that name someone famous; they are drawn again.
BLOCKED_NAMES = frozenset(
    {
        "James Cook",
        "David Cook",
        "Jason Collins",
        "Naomi Watanabe",
        "Marco Rossi",
        "Sanjay Gupta",
        "Rahul Sharma",
        "Anders Dahl",
    }
)
