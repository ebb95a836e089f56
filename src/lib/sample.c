/*
 * sample.c - synthetic sales exports of Chilean shops (docs/contract.md §8).
 *
 * One call streams a whole export line by line: nothing grows with the
 * number of rows, so a million lines cost a second or two and no memory.
 * The shape of the data (opening hours, weekday and payday rhythm, ticket
 * sizes, returns, weighed goods, repeat customers, products without a cost)
 * comes from the per-profile tables below; every random choice comes from a
 * splitmix64 stream derived from the seed, never from rand(), so the bytes
 * are the same on every machine.
 *
 * It deliberately does not try to be statistically faithful beyond "looks
 * like a real export and exercises the upload": there is no stock, no price
 * history, no seasonality beyond paydays and holidays, and returns are not
 * tied to an earlier sale.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ayni/error.h"
#include "ayni/calendar.h"
#include "ayni/outfile.h"
#include "ayni/rut.h"
#include "ayni/sample.h"
#include "rng.h"
#include "internal.h"
#include "ayni/intl.h"

enum unit { UN, KG, MT };

static const char *const unit_name[] = { "Unidad", "Kilo", "Metro" };

struct product_tpl {
	const char	*name;
	const char	*category;
	enum unit	 unit;
	int		 price;		/* pesos per unit, kilo or metre */
	int		 cost_pct;	/* cost as a percentage of price */
	int		 typical;	/* KG: grams, MT: millimetres */
};

static const struct product_tpl minimarket_products[] = {
	{ "Coca-Cola 1,5 L", "Bebidas", UN, 1890, 62, 0 },
	{ "Agua mineral sin gas 1,6 L", "Bebidas", UN, 990, 55, 0 },
	{ "Jugo néctar durazno 1 L", "Bebidas", UN, 1190, 60, 0 },
	{ "Leche entera 1 L", "Lácteos", UN, 1150, 78, 0 },
	{ "Yoghurt batido frutilla 165 g", "Lácteos", UN, 450, 70, 0 },
	{ "Mantequilla con sal 250 g", "Lácteos", UN, 2690, 72, 0 },
	{ "Queso gauda laminado", "Fiambrería", KG, 11990, 68, 250 },
	{ "Jamón de pierna", "Fiambrería", KG, 9990, 66, 200 },
	{ "Arroz grado 2, 1 kg", "Abarrotes", UN, 1590, 74, 0 },
	{ "Fideos spaghetti N°5 400 g", "Abarrotes", UN, 890, 70, 0 },
	{ "Aceite maravilla 1 L", "Abarrotes", UN, 2790, 76, 0 },
	{ "Azúcar 1 kg", "Abarrotes", UN, 1290, 80, 0 },
	{ "Harina sin polvos 1 kg", "Abarrotes", UN, 1190, 78, 0 },
	{ "Té negro 100 bolsitas", "Abarrotes", UN, 2990, 65, 0 },
	{ "Café instantáneo 170 g", "Abarrotes", UN, 5490, 70, 0 },
	{ "Pan marraqueta", "Panadería", KG, 2290, 55, 500 },
	{ "Pan hallulla", "Panadería", KG, 2290, 55, 400 },
	{ "Palta Hass", "Frutas y verduras", KG, 4990, 60, 600 },
	{ "Tomate", "Frutas y verduras", KG, 1490, 55, 800 },
	{ "Plátano", "Frutas y verduras", KG, 1290, 58, 1000 },
	{ "Papas", "Frutas y verduras", KG, 990, 50, 2000 },
	{ "Limón", "Frutas y verduras", KG, 1990, 52, 500 },
	{ "Huevos blancos 12 un.", "Huevos", UN, 3490, 75, 0 },
	{ "Papel higiénico doble hoja 4 rollos", "Limpieza y hogar", UN, 2490,
	    68, 0 },
	{ "Detergente líquido 3 L", "Limpieza y hogar", UN, 7990, 66, 0 },
	{ "Lavalozas \"Brillo\" 500 ml", "Limpieza y hogar", UN, 1690, 64, 0 },
	{ "Cloro tradicional 1 L", "Limpieza y hogar", UN, 990, 60, 0 },
	{ "Galletas de vino 180 g", "Snacks y dulces", UN, 690, 58, 0 },
	{ "Papas fritas corte americano 230 g", "Snacks y dulces", UN, 2390,
	    57, 0 },
	{ "Chocolate de leche con maní 150 g", "Snacks y dulces", UN, 1990,
	    60, 0 },
	{ "Cerveza lata 470 cc", "Bebidas alcohólicas", UN, 990, 68, 0 },
	{ "Helado de vainilla 1 L", "Congelados", UN, 3490, 62, 0 },
	{ "Hamburguesas de vacuno 4 un.", "Congelados", UN, 3990, 67, 0 },
	{ "Empanada de pino", "Rotisería", UN, 1800, 45, 0 },
};

static const struct product_tpl panaderia_products[] = {
	{ "Marraqueta", "Pan", KG, 2190, 45, 500 },
	{ "Hallulla", "Pan", KG, 2190, 45, 500 },
	{ "Pan amasado", "Pan", KG, 2490, 45, 600 },
	{ "Dobladitas", "Pan", KG, 2590, 46, 400 },
	{ "Pan integral con semillas", "Pan", KG, 3290, 48, 500 },
	{ "Coliza", "Pan", KG, 2590, 45, 300 },
	{ "Pan de molde blanco 750 g", "Pan envasado", UN, 2790, 70, 0 },
	{ "Empanada de pino", "Empanadas", UN, 2200, 42, 0 },
	{ "Empanada de queso", "Empanadas", UN, 1800, 40, 0 },
	{ "Empanada napolitana", "Empanadas", UN, 2000, 42, 0 },
	{ "Kuchen de manzana, trozo", "Pastelería", UN, 1900, 38, 0 },
	{ "Torta tres leches, porción", "Pastelería", UN, 2500, 40, 0 },
	{ "Torta \"Selva Negra\" 12 personas", "Pastelería", UN, 22990, 42, 0 },
	{ "Berlín con manjar", "Pastelería", UN, 900, 35, 0 },
	{ "Chilenitos 6 un.", "Pastelería", UN, 2500, 40, 0 },
	{ "Queque de naranja", "Pastelería", KG, 6990, 40, 400 },
	{ "Calzones rotos", "Pastelería", KG, 4990, 38, 200 },
	{ "Galletas de mantequilla", "Pastelería", KG, 7990, 42, 250 },
	{ "Sopaipillas 5 un.", "Pastelería", UN, 1000, 35, 0 },
	{ "Pie de limón, porción", "Pastelería", UN, 2300, 40, 0 },
	{ "Café americano", "Cafetería", UN, 1500, 25, 0 },
	{ "Café con leche", "Cafetería", UN, 1800, 28, 0 },
	{ "Leche entera 1 L", "Abarrotes", UN, 1190, 80, 0 },
	{ "Mantequilla 250 g", "Abarrotes", UN, 2790, 75, 0 },
	{ "Jamón acaramelado", "Fiambrería", KG, 10990, 65, 250 },
	{ "Queso mantecoso", "Fiambrería", KG, 10990, 66, 250 },
	{ "Coca-Cola 591 ml", "Bebidas", UN, 1300, 60, 0 },
	{ "Jugo natural de naranja 500 ml", "Bebidas", UN, 1990, 40, 0 },
};

static const struct product_tpl ferreteria_products[] = {
	{ "Clavo corriente 2\"", "Fijaciones", KG, 2490, 62, 500 },
	{ "Clavo corriente 3\"", "Fijaciones", KG, 2390, 62, 1000 },
	{ "Tornillo volcanita 6x1 1/4\" 100 un.", "Fijaciones", UN, 2990, 55,
	    0 },
	{ "Tarugo plástico 8 mm 50 un.", "Fijaciones", UN, 1490, 50, 0 },
	{ "Cable eléctrico 2,5 mm²", "Electricidad", MT, 890, 60, 10000 },
	{ "Cable eléctrico 1,5 mm²", "Electricidad", MT, 590, 60, 10000 },
	{ "Ampolleta LED 9W E27", "Electricidad", UN, 1490, 55, 0 },
	{ "Enchufe doble embutido", "Electricidad", UN, 2990, 58, 0 },
	{ "Cinta aisladora 10 m", "Electricidad", UN, 1890, 50, 0 },
	{ "Manguera jardín 1/2\"", "Jardín", MT, 690, 55, 15000 },
	{ "Cadena galvanizada 6 mm", "Ferretería general", MT, 2990, 60,
	    3000 },
	{ "Pintura látex blanco 1 galón", "Pinturas", UN, 15990, 64, 0 },
	{ "Esmalte al agua 1/4 galón", "Pinturas", UN, 6990, 62, 0 },
	{ "Rodillo 23 cm con bandeja", "Pinturas", UN, 5990, 55, 0 },
	{ "Brocha 2\"", "Pinturas", UN, 1690, 50, 0 },
	{ "Diluyente sintético 1 L", "Pinturas", UN, 3990, 60, 0 },
	{ "Cemento especial 25 kg", "Construcción", UN, 5490, 82, 0 },
	{ "Pasta muro 5 kg", "Construcción", UN, 6490, 70, 0 },
	{ "Martillo carpintero 16 oz", "Herramientas", UN, 8990, 58, 0 },
	{ "Huincha de medir 5 m", "Herramientas", UN, 4990, 55, 0 },
	{ "Destornillador paleta 6x100", "Herramientas", UN, 2490, 52, 0 },
	{ "Alicate universal 8\"", "Herramientas", UN, 6990, 57, 0 },
	{ "Taladro percutor 650W", "Herramientas", UN, 39990, 72, 0 },
	{ "Disco de corte metal 4 1/2\"", "Herramientas", UN, 1290, 50, 0 },
	{ "Silicona transparente 280 ml", "Adhesivos y sellantes", UN, 3490,
	    55, 0 },
	{ "Teflón 1/2\"", "Gasfitería", UN, 490, 40, 0 },
	{ "Llave de paso 1/2\"", "Gasfitería", UN, 4990, 58, 0 },
	{ "Codo PVC 40 mm", "Gasfitería", UN, 390, 45, 0 },
	{ "Guantes de cabritilla, par", "Seguridad", UN, 2990, 55, 0 },
	{ "Lentes de seguridad", "Seguridad", UN, 1990, 50, 0 },
};

static const struct product_tpl farmacia_products[] = {
	{ "Paracetamol 500 mg 16 comp.", "Medicamentos", UN, 990, 45, 0 },
	{ "Ibuprofeno 400 mg 20 comp.", "Medicamentos", UN, 1490, 45, 0 },
	{ "Losartán 50 mg 30 comp.", "Medicamentos", UN, 2990, 50, 0 },
	{ "Omeprazol 20 mg 30 cáps.", "Medicamentos", UN, 2490, 48, 0 },
	{ "Amoxicilina 500 mg 21 cáps.", "Medicamentos", UN, 4990, 52, 0 },
	{ "Clorfenamina 4 mg 20 comp.", "Medicamentos", UN, 890, 45, 0 },
	{ "Jarabe para la tos \"Bronquil\" 120 ml", "Medicamentos", UN, 6990,
	    55, 0 },
	{ "Ácido acetilsalicílico 500 mg 20 comp.", "Medicamentos", UN, 2490,
	    50, 0 },
	{ "Suero oral 500 ml", "Medicamentos", UN, 1990, 55, 0 },
	{ "Vitamina C 1 g efervescente 10 un.", "Vitaminas y suplementos", UN,
	    3490, 50, 0 },
	{ "Multivitamínico 30 comp.", "Vitaminas y suplementos", UN, 8990, 52,
	    0 },
	{ "Protector solar FPS 50, 120 ml", "Dermocosmética", UN, 12990, 58,
	    0 },
	{ "Crema hidratante corporal 400 ml", "Dermocosmética", UN, 5990, 56,
	    0 },
	{ "Shampoo anticaspa 400 ml", "Cuidado personal", UN, 4990, 60, 0 },
	{ "Pasta dental 90 g", "Cuidado personal", UN, 1990, 58, 0 },
	{ "Cepillo dental suave", "Cuidado personal", UN, 1490, 50, 0 },
	{ "Desodorante roll-on 50 ml", "Cuidado personal", UN, 2790, 60, 0 },
	{ "Pañales talla G 40 un.", "Bebé", UN, 11990, 70, 0 },
	{ "Toallitas húmedas 80 un.", "Bebé", UN, 2490, 60, 0 },
	{ "Leche de fórmula etapa 1, 800 g", "Bebé", UN, 15990, 74, 0 },
	{ "Alcohol gel 500 ml", "Primeros auxilios", UN, 2490, 50, 0 },
	{ "Parches curitas 20 un.", "Primeros auxilios", UN, 1290, 45, 0 },
	{ "Gasa estéril 10x10 cm", "Primeros auxilios", UN, 1490, 45, 0 },
	{ "Termómetro digital", "Primeros auxilios", UN, 4990, 55, 0 },
	{ "Mascarillas quirúrgicas 10 un.", "Primeros auxilios", UN, 1990, 40,
	    0 },
	{ "Test de embarazo", "Salud sexual", UN, 3990, 45, 0 },
};

static const struct product_tpl cafe_products[] = {
	{ "Espresso", "Café", UN, 1800, 22, 0 },
	{ "Americano", "Café", UN, 2200, 22, 0 },
	{ "Cortado", "Café", UN, 2300, 24, 0 },
	{ "Capuchino", "Café", UN, 2900, 26, 0 },
	{ "Latte vainilla", "Café", UN, 3300, 28, 0 },
	{ "Mokachino", "Café", UN, 3400, 30, 0 },
	{ "Té de hojas", "Té e infusiones", UN, 1900, 20, 0 },
	{ "Chocolate caliente", "Té e infusiones", UN, 2900, 30, 0 },
	{ "Jugo natural frambuesa", "Jugos", UN, 2900, 35, 0 },
	{ "Limonada menta jengibre", "Jugos", UN, 3200, 30, 0 },
	{ "Agua mineral 500 ml", "Jugos", UN, 1500, 40, 0 },
	{ "Croissant de mantequilla", "Pastelería", UN, 1900, 35, 0 },
	{ "Croissant jamón-queso", "Pastelería", UN, 3500, 38, 0 },
	{ "Medialuna", "Pastelería", UN, 1200, 30, 0 },
	{ "Brownie", "Pastelería", UN, 2200, 32, 0 },
	{ "Cheesecake frutos rojos, trozo", "Pastelería", UN, 3900, 36, 0 },
	{ "Torta de zanahoria", "Pastelería", UN, 3500, 35, 0 },
	{ "Galleta de avena", "Pastelería", UN, 1200, 30, 0 },
	{ "Sándwich ave palta", "Sándwiches", UN, 5900, 40, 0 },
	{ "Barros Luco", "Sándwiches", UN, 6900, 42, 0 },
	{ "Tostado de queso", "Sándwiches", UN, 3500, 35, 0 },
	{ "Tostada palta, tomate y queso", "Sándwiches", UN, 4500, 38, 0 },
	{ "Ensalada césar", "Platos", UN, 6500, 40, 0 },
	{ "Quiche de espinaca", "Platos", UN, 4500, 38, 0 },
	{ "Café en grano \"Tostaduría\" 250 g", "Tienda", UN, 8990, 55, 0 },
	{ "Café de grano a granel", "Tienda", KG, 24990, 52, 250 },
};

static const struct product_tpl botilleria_products[] = {
	{ "Cerveza lager lata 470 cc", "Cervezas", UN, 990, 68, 0 },
	{ "Cerveza retornable 1 L", "Cervezas", UN, 1990, 66, 0 },
	{ "Cerveza artesanal IPA 330 ml", "Cervezas", UN, 2490, 60, 0 },
	{ "Six pack cerveza lager 350 cc", "Cervezas", UN, 5490, 67, 0 },
	{ "Vino Cabernet Sauvignon reserva 750 cc", "Vinos", UN, 5990, 62,
	    0 },
	{ "Vino Carménère 750 cc", "Vinos", UN, 4490, 62, 0 },
	{ "Vino tinto en caja 2 L", "Vinos", UN, 3990, 65, 0 },
	{ "Espumante brut 750 cc", "Vinos", UN, 6990, 60, 0 },
	{ "Pisco 35° 750 cc", "Destilados", UN, 5990, 66, 0 },
	{ "Pisco 40° 1 L", "Destilados", UN, 8990, 66, 0 },
	{ "Ron añejo 750 cc", "Destilados", UN, 8990, 64, 0 },
	{ "Whisky 12 años 750 cc", "Destilados", UN, 24990, 70, 0 },
	{ "Vodka 1 L", "Destilados", UN, 7990, 65, 0 },
	{ "Fernet 750 cc", "Destilados", UN, 9990, 66, 0 },
	{ "Bebida cola 3 L", "Bebidas", UN, 2990, 62, 0 },
	{ "Bebida cola 1,5 L", "Bebidas", UN, 1890, 62, 0 },
	{ "Agua tónica 1,5 L", "Bebidas", UN, 1590, 60, 0 },
	{ "Néctar de durazno 1,5 L", "Bebidas", UN, 1290, 60, 0 },
	{ "Hielo en bolsa 2 kg", "Hielo", UN, 1490, 35, 0 },
	{ "Maní salado 200 g", "Picoteo", UN, 1490, 55, 0 },
	{ "Papas fritas 380 g", "Picoteo", UN, 3290, 58, 0 },
	{ "Aceitunas sevillanas", "Picoteo", KG, 6990, 55, 250 },
	{ "Limones", "Picoteo", KG, 1990, 50, 500 },
	{ "Vasos plásticos 50 un.", "Desechables", UN, 1290, 45, 0 },
	{ "Carbón vegetal 2,5 kg", "Parrilla", UN, 3490, 60, 0 },
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * If you add a profile here, also update the list in include/ayni/sample.h
 * and man/ayni-sample.1.  Days are Monday first; close 0 means closed; an
 * hour h counts when open <= h < close.  Monday must be open: it is the
 * fallback when a short period falls entirely on closed days.
 */
struct profile {
	const char			*name;
	/* industry: one of the codes listed in docs/contract.md §4 */
	const char			*industry;
	const struct product_tpl	*products;
	int				 nproducts;
	const char			*plu;		/* internal code prefix */
	int				 open[7], close[7];
	int				 weekday_w[7];
	int				 hour_w[24];
	int				 lines_x10;	/* mean lines per sale */
	int				 factura_pct;
	int				 customer_pct;	/* of boletas */
	int				 pay_pct[4];	/* see pay_name */
	int				 commission_bp;	/* on card payments */
};

static const char *const pay_name[] = {
	"Efectivo", "Débito", "Crédito", "Transferencia"
};
#define PAY_DEBITO	1
#define PAY_CREDITO	2

static const struct profile profiles[] = {
	{ "minimarket", "retail", minimarket_products,
	    NELEM(minimarket_products), "MM",
	    { 8, 8, 8, 8, 8, 8, 9 }, { 22, 22, 22, 22, 22, 22, 21 },
	    { 90, 90, 95, 100, 120, 130, 100 },
	    { [8] = 3, [9] = 5, [10] = 6, [11] = 7, [12] = 9, [13] = 10,
	      [14] = 8, [15] = 6, [16] = 6, [17] = 8, [18] = 11, [19] = 12,
	      [20] = 10, [21] = 6 },
	    32, 2, 58, { 35, 45, 10, 10 }, 0 },
	{ "panaderia", "food", panaderia_products,
	    NELEM(panaderia_products), "PAN",
	    { 7, 7, 7, 7, 7, 7, 8 }, { 21, 21, 21, 21, 21, 21, 14 },
	    { 95, 95, 95, 100, 110, 130, 80 },
	    { [7] = 9, [8] = 12, [9] = 9, [10] = 6, [11] = 6, [12] = 8,
	      [13] = 9, [14] = 5, [15] = 4, [16] = 5, [17] = 9, [18] = 12,
	      [19] = 11, [20] = 7 },
	    22, 1, 55, { 50, 35, 5, 10 }, 0 },
	{ "ferreteria", "construction", ferreteria_products,
	    NELEM(ferreteria_products), "FER",
	    { 9, 9, 9, 9, 9, 9, 0 }, { 19, 19, 19, 19, 19, 14, 0 },
	    { 110, 100, 100, 100, 105, 90, 0 },
	    { [9] = 8, [10] = 12, [11] = 12, [12] = 10, [13] = 6, [14] = 7,
	      [15] = 9, [16] = 10, [17] = 9, [18] = 6 },
	    26, 18, 60, { 20, 35, 20, 25 }, 120 },
	{ "farmacia", "healthcare", farmacia_products,
	    NELEM(farmacia_products), "FAR",
	    { 9, 9, 9, 9, 9, 9, 10 }, { 22, 22, 22, 22, 22, 22, 20 },
	    { 110, 100, 100, 100, 100, 85, 60 },
	    { [9] = 6, [10] = 8, [11] = 9, [12] = 10, [13] = 9, [14] = 7,
	      [15] = 7, [16] = 7, [17] = 8, [18] = 10, [19] = 10, [20] = 8,
	      [21] = 5 },
	    18, 2, 65, { 25, 45, 25, 5 }, 100 },
	{ "cafe", "food", cafe_products, NELEM(cafe_products), "CAF",
	    { 8, 8, 8, 8, 8, 9, 10 }, { 20, 20, 20, 20, 20, 20, 18 },
	    { 100, 100, 100, 105, 110, 90, 70 },
	    { [8] = 10, [9] = 11, [10] = 8, [11] = 7, [12] = 9, [13] = 11,
	      [14] = 9, [15] = 7, [16] = 10, [17] = 9, [18] = 6, [19] = 4 },
	    24, 3, 55, { 20, 50, 25, 5 }, 150 },
	{ "botilleria", "retail", botilleria_products,
	    NELEM(botilleria_products), "BOT",
	    { 11, 11, 11, 11, 11, 11, 12 }, { 24, 24, 24, 24, 24, 24, 20 },
	    { 60, 60, 70, 90, 150, 170, 70 },
	    { [11] = 2, [12] = 3, [13] = 4, [14] = 3, [15] = 3, [16] = 4,
	      [17] = 6, [18] = 9, [19] = 12, [20] = 13, [21] = 12, [22] = 9,
	      [23] = 5 },
	    25, 3, 55, { 35, 40, 15, 10 }, 90 },
};
#define NPROFILES	((int)NELEM(profiles))

static const char *const first_names[] = {
	"María", "José", "Juan", "Camila", "Sofía", "Matías", "Benjamín",
	"Valentina", "Martina", "Agustín", "Francisca", "Tomás", "Ignacio",
	"Catalina", "Fernanda", "Cristóbal", "Javiera", "Joaquín", "Constanza",
	"Vicente", "Antonia", "Sebastián", "Patricio", "Ximena", "Ñusta",
	"Héctor", "Inés", "Raúl", "Verónica", "Andrés"
};
static const char *const surnames[] = {
	"González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras",
	"Silva", "Martínez", "Sepúlveda", "Morales", "Rodríguez", "López",
	"Fuentes", "Hernández", "Torres", "Araya", "Flores", "Espinoza",
	"Valenzuela", "Castillo", "Tapia", "Reyes", "Gutiérrez", "Castro",
	"Pizarro", "Álvarez", "Vásquez", "Sánchez", "Fernández", "Núñez",
	"Cáceres", "O'Ryan", "Ibáñez"
};

static const int company_size_pct[10] = {
	100, 40, 190, 70, 150, 25, 90, 240, 45, 50
};

#define RETURN_LINE_PCT_X10	35	/* 3.5 % of lines are returns */
#define DISCOUNT_PCT		4	/* of sale lines */
#define NOCOST_PCT		5	/* of products */
#define MAX_LINES		25	/* per ticket */
#define BUSINESS_CUSTOMERS	25

/* Strict YYYY-MM-DD, 1970 to 9000 (far from the end of 4-digit years). */
static int
parse_date(const char *s, long *out)
{
	int y;

	if (!ayni_iso_date(s, out))
		return -1;
	y = atoi(s);
	return y < 1970 || y > 9000 ? -1 : 0;
}

void
ayni_sample_options_init(ayni_sample_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->rows = 1000;
	opt->seed = 1;
	opt->from = NULL;
	opt->days = 90;
	opt->profile = 0;
}

int
ayni_sample_profile_count(void)
{
	return NPROFILES;
}

const char *
ayni_sample_profile_name(int profile)
{
	if (profile < 0 || profile >= NPROFILES)
		return NULL;
	return profiles[profile].name;
}

const char *
ayni_sample_profile_industry(int profile)
{
	if (profile < 0 || profile >= NPROFILES)
		return NULL;
	return profiles[profile].industry;
}

static int
check_options(const ayni_sample_options *opt, long *first_day,
    ayni_error *err)
{
	const char *from = opt->from != NULL ? opt->from : "2025-01-01";

	if (opt->rows < 0 || opt->rows > AYNI_SAMPLE_MAX_ROWS)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid row count '%ld': expected 0 to %ld"), opt->rows,
		    AYNI_SAMPLE_MAX_ROWS);
	if (opt->days < 1 || opt->days > AYNI_SAMPLE_MAX_DAYS)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid number of days '%d': expected 1 to %d"), opt->days,
		    AYNI_SAMPLE_MAX_DAYS);
	if (opt->profile < 0 || opt->profile >= NPROFILES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid profile '%d': expected 0 to %d"), opt->profile,
		    NPROFILES - 1);
	if (parse_date(from, first_day) != 0)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid date '%.40s': expected a real day as YYYY-MM-DD "
		    "between 1970 and 9000"), from);
	return 0;
}

/* One shop's catalogue, drawn from its profile's templates. */
struct product {
	const struct product_tpl *tpl;
	char		 sku[16];
	int		 price;
	int		 cost;		/* per unit; -1 when unknown */
	uint64_t	 cum;		/* cumulative popularity weight */
};

struct shop {
	const struct profile	*p;
	uint64_t		 seed;
	struct product		 products[64];
	int			 nproducts;
	uint64_t		 total_weight;
	int			 return_ticket_x10000;
	long			 customers;	/* pool size */
	long			 doc;		/* next document number */
};

/* EAN-13 with a Chilean (780) prefix, fixed per template. */
static void
make_ean(char *out, size_t len, uint64_t h)
{
	char d[14];
	int sum = 0;

	snprintf(d, sizeof(d), "780%09" PRIu64, h % UINT64_C(1000000000));
	for (int i = 0; i < 12; i++)
		sum += (d[i] - '0') * (i % 2 ? 3 : 1);
	d[12] = (char)('0' + (10 - sum % 10) % 10);
	d[13] = '\0';
	snprintf(out, len, "%s", d);
}

/* Each shop carries most of its profile's range at its own prices. */
static void
shop_products(struct shop *sh, const ayni_sample_options *opt,
    struct rng *r)
{
	const struct profile *p = sh->p;
	int n = 0, nocost = 0;

	for (int i = 0; i < p->nproducts; i++) {
		const struct product_tpl *t = &p->products[i];
		struct product *pr;
		int price, pct;

		if (i >= 6 && rng_below(r, 100) < 15)
			continue;
		pr = &sh->products[n];
		pr->tpl = t;
		if (t->unit == UN)
			make_ean(pr->sku, sizeof(pr->sku),
			    mix64((uint64_t)opt->profile << 32 | (uint64_t)i));
		else
			snprintf(pr->sku, sizeof(pr->sku), "%s-%04d", p->plu,
			    101 + i);
		price = (int)((long)t->price * (90 + rng_below(r, 26)) / 100);
		if (price >= 1000)
			price = (price + 50) / 100 * 100 - 10; /* $x.x90 */
		else
			price = (price + 5) / 10 * 10;
		pr->price = price > 0 ? price : 10;
		pct = t->cost_pct - 5 + (int)rng_below(r, 11);
		pr->cost = pr->price * pct / 100;
		if (rng_below(r, 100) < NOCOST_PCT) {
			pr->cost = -1;
			nocost++;
		}
		n++;
	}
	/* Every shop shows at least one product without a cost. */
	if (nocost == 0)
		sh->products[1 + rng_below(r, (uint32_t)n - 1)].cost = -1;
	sh->nproducts = n;
}

/* Zipf-like popularity over a shop-specific ranking. */
static void
shop_popularity(struct shop *sh, struct rng *r)
{
	int rank[64], n = sh->nproducts;
	uint64_t cum = 0;

	for (int i = 0; i < n; i++)
		rank[i] = i;
	for (int i = n - 1; i > 0; i--) {
		int j = (int)rng_below(r, (uint32_t)i + 1), t = rank[i];

		rank[i] = rank[j];
		rank[j] = t;
	}
	for (int i = 0; i < n; i++) {
		cum += 1000000 / (uint64_t)(rank[i] + 1);
		sh->products[i].cum = cum;
	}
	sh->total_weight = cum;
}

static void
shop_init(struct shop *sh, const ayni_sample_options *opt)
{
	const struct profile *p = &profiles[opt->profile];
	struct rng r;
	long m;

	assert(p->nproducts <= 64);
	memset(sh, 0, sizeof(*sh));
	sh->p = p;
	sh->seed = opt->seed;
	rng_seed(&r, opt->seed, (uint64_t)opt->profile, 0x73686f70);	/* shop */
	shop_products(sh, opt, &r);
	shop_popularity(sh, &r);

	/*
	 * Return tickets have 1.1 lines on average, sales lines_x10 / 10: pick
	 * the ticket probability that makes RETURN_LINE_PCT_X10 of the lines
	 * returns.  Integer arithmetic keeps it identical everywhere.
	 */
	{
		long r10 = RETURN_LINE_PCT_X10, mx10 = p->lines_x10;

		/* p = r m / (1.1 (1 - r) + r m), r = r10 / 1000 */
		sh->return_ticket_x10000 = (int)(10000 * r10 * mx10 /
		    (11 * (1000 - r10) + r10 * mx10));
	}

	m = opt->rows / 10;
	sh->customers = m < 20 ? 20 : m > 200000 ? 200000 : m;
	sh->doc = 1000 + (long)(mix64(opt->seed ^ 0x646f63) % 90000);
}

static const struct product *
pick_product(const struct shop *sh, struct rng *r)
{
	uint64_t x = rng_next(r) % sh->total_weight;
	int lo = 0, hi = sh->nproducts - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (sh->products[mid].cum > x)
			hi = mid;
		else
			lo = mid + 1;
	}
	return &sh->products[lo];
}

/* A growing output line; every append is bounded by the buffer. */
struct line {
	char	buf[1024];
	size_t	len;
};

static void
put_raw(struct line *l, const char *s, size_t n)
{
	if (n > sizeof(l->buf) - 1 - l->len)
		n = sizeof(l->buf) - 1 - l->len;
	memcpy(l->buf + l->len, s, n);
	l->len += n;
}

static void
put_char(struct line *l, char c)
{
	put_raw(l, &c, 1);
}

static void
put_piece(void *l, const char *s, size_t n)
{
	put_raw(l, s, n);
}

/* A text field, quoted as RFC 4180 asks: the writer's rule, for ';' and
   ',' both, so that a reader guessing either delimiter splits it alike. */
static void
put_text(struct line *l, const char *s)
{
	ayni_csv_quote(s, ";,", put_piece, l);
}

static void
put_int(struct line *l, int64_t v)
{
	char tmp[24];
	int n = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		put_char(l, '-');
	while (n > 0)
		put_char(l, tmp[--n]);
}

static void
put_2d(struct line *l, int v)
{
	put_char(l, (char)('0' + v / 10 % 10));
	put_char(l, (char)('0' + v % 10));
}

/* Quantities in thousandths, with a decimal comma. */
static void
put_qty(struct line *l, enum unit u, int64_t milli)
{
	put_int(l, milli / 1000);
	if (u == KG) {
		int f = (int)(milli % 1000);

		put_char(l, ',');
		put_char(l, (char)('0' + f / 100));
		put_2d(l, f % 100);
	} else if (u == MT && milli % 1000 != 0) {
		/* metres come in 0.5 or 0.25 steps: "2,5", "0,75" */
		int f = (int)(milli % 1000);

		put_char(l, ',');
		if (f % 100 == 0)
			put_char(l, (char)('0' + f / 100));
		else
			put_2d(l, f / 10);
	}
}

/* RUT with dots and check digit: 12.345.678-5. */
static void
format_rut(char *out, size_t len, long body)
{
	char canon[AYNI_RUT_MAX], disp[AYNI_RUT_MAX];
	char dv;

	snprintf(canon, sizeof(canon), "%ld", body);
	dv = ayni_rut_check_digit(canon);
	snprintf(canon, sizeof(canon), "%ld-%c", body, dv);
	ayni_rut_display(canon, disp);
	snprintf(out, len, "%s", disp);
}

/* The n-th customer of the shop: a RUT or a name, always the same. */
static void
format_customer(char *out, size_t len, const struct shop *sh, long c)
{
	uint64_t h = mix64(sh->seed ^ mix64((uint64_t)c + 0x637573));
	const char *f = first_names[(h >> 16) % NELEM(first_names)];
	const char *s1 = surnames[(h >> 24) % NELEM(surnames)];
	const char *s2 = surnames[(h >> 32) % NELEM(surnames)];

	if (h % 100 < 40)
		format_rut(out, len, 6000000 + (long)((h >> 8) % 19000000));
	else if ((h >> 40) % 25 == 0)
		snprintf(out, len, "%s %s, %s", s1, s2, f);
	else if ((h >> 40) % 3 == 0)
		snprintf(out, len, "%s %s", f, s1);
	else
		snprintf(out, len, "%s %s %s", f, s1, s2);
}

static void
format_business(char *out, size_t len, const struct shop *sh, long b)
{
	uint64_t h = mix64(sh->seed ^ mix64((uint64_t)b + 0x656d70));

	format_rut(out, len, 76000000 + (long)(h % 2000000));
}

/*
 * The ticket skeleton (return or sale, number of lines) comes from its own
 * stream so that it can be drawn twice: once to count a day's tickets, once
 * to write them in time order.
 */
static int
draw_ticket(struct rng *r, const struct shop *sh, int *is_return)
{
	int n = 1, q;

	*is_return = (int)rng_below(r, 10000) < sh->return_ticket_x10000;
	if (*is_return)
		return rng_below(r, 10) == 0 ? 2 : 1;
	q = 10000 - 100000 / sh->p->lines_x10;
	while (n < MAX_LINES && (int)rng_below(r, 10000) < q)
		n++;
	return n;
}

static int64_t
draw_quantity(struct rng *r, const struct product *pr, int is_return)
{
	const struct product_tpl *t = pr->tpl;
	int64_t g;
	uint32_t x;

	switch (t->unit) {
	case KG:
		g = (int64_t)t->typical * (40 + rng_below(r, 141)) / 100 +
		    rng_below(r, 10);
		return g < 50 ? 50 : g;
	case MT:
		g = (int64_t)t->typical * (25 + rng_below(r, 176)) / 100;
		g = (g + 250) / 500 * 500;
		if (rng_below(r, 8) == 0)
			g += 250;
		return g < 500 ? 500 : g;
	case UN:
		break;
	}
	if (is_return)
		return 1000;
	x = rng_below(r, 100);
	if (x < 72)
		return 1000;
	if (x < 90)
		return 2000;
	if (x < 95)
		return 3000;
	return 1000 * (4 + (int64_t)rng_below(r, 9));
}

struct day {
	long	z;		/* days since 1970-01-01 */
	int	y, m, d;
	int	wd;		/* 0 Monday .. 6 Sunday */
	int	open, close;
	uint64_t w;
};

static void
day_info(struct day *dy, const struct shop *sh, long z, int fallback)
{
	static const int holidays[][2] = {
		{ 1, 1 }, { 5, 1 }, { 9, 18 }, { 9, 19 }, { 12, 25 }
	};
	const struct profile *p = sh->p;
	int closed = 0, pay;

	dy->z = z;
	ayni_civil_from_days(z, &dy->y, &dy->m, &dy->d);
	dy->wd = (int)((z + 3) % 7);	/* 1970-01-01 was a Thursday */
	dy->open = p->open[dy->wd];
	dy->close = p->close[dy->wd];
	for (size_t i = 0; i < NELEM(holidays); i++)
		if (dy->m == holidays[i][0] && dy->d == holidays[i][1])
			closed = 1;
	if (dy->close == 0)
		closed = 1;
	if (fallback) {
		/* nothing open in the whole period: trade anyway */
		if (dy->close == 0) {
			dy->open = p->open[0];
			dy->close = p->close[0];
		}
		dy->w = 1;
		return;
	}
	if (closed) {
		dy->w = 0;
		return;
	}
	/* paydays: the last days and the first days of the month sell more */
	pay = dy->d >= 28 || dy->d <= 5 ? 115 : 100;
	dy->w = (uint64_t)p->weekday_w[dy->wd] * (uint64_t)pay *
	    (85 + mix64(sh->seed ^ mix64((uint64_t)z)) % 31);
}

struct writer {
	FILE			*out;
	struct shop		*sh;
	ayni_sample_stats	*st;
	struct rng		 c;	/* content */
	int			 failed;
};

static void
emit(struct writer *w, struct line *l)
{
	put_char(l, '\n');
	if (fwrite(l->buf, 1, l->len, w->out) != l->len)
		w->failed = 1;
}

/* A product of two uniforms: a few loyal regulars, many occasional ones. */
static void
pick_customer(char *out, size_t len, const struct shop *sh, struct rng *r)
{
	uint64_t n = (uint64_t)sh->customers;
	uint64_t a = rng_below(r, (uint32_t)n), b = rng_below(r, (uint32_t)n);

	format_customer(out, len, sh, (long)(a * b / n));
}

/* What a ticket says about its sale, shared by its lines. */
struct ticket {
	const char	*pay;		/* payment method */
	const char	*doctype;	/* document type */
	int		 payi;		/* pay_name[] index (0 for returns) */
	char		 customer[96];	/* "" when anonymous */
};

/*
 * Draw the payment, the document type and the customer of a ticket (in
 * this order: the draws make the sample what it is for a seed).  A return
 * is a credit note, to a customer now and then.
 */
static void
ticket_draw(struct writer *w, int is_return, struct ticket *t)
{
	const struct shop *sh = w->sh;
	const struct profile *p = sh->p;
	struct rng *r = &w->c;
	int x;

	t->payi = 0;
	t->customer[0] = '\0';
	if (is_return) {
		t->pay = "Nota de crédito";
		t->doctype = "NotaCreditoElectronica";
		if ((int)rng_below(r, 100) < p->customer_pct)
			pick_customer(t->customer, sizeof(t->customer), sh, r);
		return;
	}
	x = (int)rng_below(r, 100);
	for (t->payi = 0; t->payi < 3 && x >= p->pay_pct[t->payi]; t->payi++)
		x -= p->pay_pct[t->payi];
	t->pay = pay_name[t->payi];
	if ((int)rng_below(r, 100) < p->factura_pct) {
		t->doctype = "FacturaElectronica";
		format_business(t->customer, sizeof(t->customer), sh,
		    (long)rng_below(r, BUSINESS_CUSTOMERS));
	} else {
		t->doctype = "BoletaElectronica";
		if ((int)rng_below(r, 100) < p->customer_pct)
			pick_customer(t->customer, sizeof(t->customer), sh, r);
	}
}

/* The cells shared by the ticket's lines: date and time to customer. */
static void
ticket_head(struct line *head, const struct day *dy, int minute, long doc,
    const struct ticket *t)
{
	head->len = 0;
	put_2d(head, dy->d);
	put_char(head, '-');
	put_2d(head, dy->m);
	put_char(head, '-');
	put_int(head, dy->y);
	put_char(head, ' ');
	put_2d(head, minute / 60);
	put_char(head, ':');
	put_2d(head, minute % 60);
	put_char(head, ';');
	put_int(head, doc);
	put_char(head, ';');
	put_text(head, t->pay);
	put_char(head, ';');
	put_text(head, t->doctype);
	put_char(head, ';');
	put_text(head, t->customer);
	put_char(head, ';');
}

/* One line of a ticket: the article and its amounts. */
struct sale {
	const struct product *pr;
	int64_t	q, disc, neto, cost, comm;
};

/*
 * Draw line i of a ticket: the article (seen[] holds the ones before),
 * the quantity, a discount now and then; the card commission and the
 * cost follow.
 */
static void
sale_draw(struct writer *w, const struct product **seen, int i,
    const struct ticket *t, int is_return, struct sale *s)
{
	const struct shop *sh = w->sh;
	struct rng *r = &w->c;
	const struct product *pr = pick_product(sh, r);
	int64_t gross;

	/*
	 * The same article twice on one ticket happens (scanned
	 * twice), but popular articles would make it too common.
	 */
	for (int j = 0; j < i; j++)
		if (seen[j] == pr && rng_below(r, 4) != 0) {
			pr = pick_product(sh, r);
			break;
		}
	seen[i] = pr;
	s->pr = pr;
	s->disc = s->cost = s->comm = 0;
	s->q = draw_quantity(r, pr, is_return);
	gross = (pr->price * s->q + 500) / 1000;
	if (!is_return && (int)rng_below(r, 100) < DISCOUNT_PCT)
		s->disc = (gross * (5 * (1 + rng_below(r, 4))) + 50) / 100;
	s->neto = gross - s->disc;
	if (!is_return && (t->payi == PAY_DEBITO || t->payi == PAY_CREDITO))
		s->comm = (s->neto * sh->p->commission_bp + 5000) / 10000;
	if (pr->cost >= 0)
		s->cost = (pr->cost * s->q + 500) / 1000;
}

/* Write the line: the ticket's head, then the sale's cells. */
static void
sale_put(struct writer *w, const struct line *head, const struct sale *s)
{
	const struct product *pr = s->pr;
	struct line l;

	memcpy(l.buf, head->buf, head->len);
	l.len = head->len;
	put_text(&l, pr->sku);
	put_char(&l, ';');
	put_text(&l, pr->tpl->name);
	put_char(&l, ';');
	put_text(&l, pr->tpl->category);
	put_char(&l, ';');
	put_text(&l, unit_name[pr->tpl->unit]);
	put_char(&l, ';');
	put_qty(&l, pr->tpl->unit, s->q);
	put_char(&l, ';');
	if (pr->cost >= 0)
		put_int(&l, pr->cost);
	put_char(&l, ';');
	if (pr->cost >= 0)
		put_int(&l, s->cost);
	put_char(&l, ';');
	put_int(&l, pr->price);
	put_char(&l, ';');
	put_int(&l, s->neto);
	put_char(&l, ';');
	put_int(&l, s->disc);
	put_char(&l, ';');
	put_int(&l, s->comm);
	put_char(&l, ';');
	if (pr->cost >= 0)
		put_int(&l, s->neto - s->cost - s->comm);
	emit(w, &l);
}

static void
write_ticket(struct writer *w, const struct day *dy, int minute,
    int nlines, int is_return)
{
	const struct product *seen[MAX_LINES];
	struct ticket t;
	struct sale s;
	struct line head;
	long doc;

	/* a voided folio now and then leaves a gap, as in real books */
	if (rng_below(&w->c, 100) == 0)
		w->sh->doc++;
	doc = w->sh->doc++;
	ticket_draw(w, is_return, &t);
	ticket_head(&head, dy, minute, doc, &t);
	for (int i = 0; i < nlines; i++) {
		sale_draw(w, seen, i, &t, is_return, &s);
		sale_put(w, &head, &s);
		if (w->st != NULL) {
			int sign = is_return ? -1 : 1;

			w->st->lines++;
			w->st->return_lines += is_return;
			w->st->revenue += sign * s.neto;
			w->st->units_milli += sign * s.q;
			if (s.pr->cost >= 0)
				w->st->cost += sign * s.cost;
			w->st->discount += s.disc;
		}
	}
	if (w->st != NULL)
		w->st->documents++;
}

static const char header[] =
    "Fecha venta;N° doc. venta;Método pago;Tipo documento;Nombre cliente;"
    "SKU;Nombre;Categoría;Tipo unidad;Cantidad;Costo unitario;Total costo;"
    "Precio unitario;Total neto;Total descuento;Total comisión;"
    "Utilidad aprox.\n";

/* Write one day's tickets in time order, exactly budget lines of them. */
static void
write_day(struct writer *w, const struct day *dy, long budget)
{
	const struct profile *p = w->sh->p;
	struct rng lr, tr;
	int count[24 * 60];
	int hw[24], htotal = 0, is_return;
	long tickets = 0, left;

	rng_seed(&lr, w->sh->seed, (uint64_t)dy->z, 0x6c696e6573);  /* lines */
	rng_seed(&tr, w->sh->seed, (uint64_t)dy->z, 0x74696d65);    /* time */
	for (left = budget; left > 0; tickets++)
		left -= draw_ticket(&lr, w->sh, &is_return);

	for (int h = 0; h < 24; h++) {
		hw[h] = h >= dy->open && h < dy->close ? p->hour_w[h] : 0;
		htotal += hw[h];
	}
	if (htotal == 0) {
		/* a profile without weights for its hours: spread evenly */
		for (int h = dy->open; h < dy->close; h++)
			hw[h] = 1;
		htotal = dy->close - dy->open;
	}
	memset(count, 0, sizeof(count));
	for (long t = 0; t < tickets; t++) {
		int x = (int)rng_below(&tr, (uint32_t)htotal), h = 0;

		while (x >= hw[h])
			x -= hw[h++];
		count[h * 60 + (int)rng_below(&tr, 60)]++;
	}

	/* replay the skeletons, now in time order */
	rng_seed(&lr, w->sh->seed, (uint64_t)dy->z, 0x6c696e6573);
	left = budget;
	for (int mi = 0; mi < 24 * 60; mi++) {
		for (int k = 0; k < count[mi]; k++) {
			int n = draw_ticket(&lr, w->sh, &is_return);

			if (n > left)
				n = (int)left;
			write_ticket(w, dy, mi, n, is_return);
			left -= n;
		}
	}
	assert(left == 0);
}

int
ayni_sample_write(FILE *out, ayni_sample_stats *stats,
    const ayni_sample_options *opt, ayni_error *err)
{
	struct writer w;
	struct shop *sh;
	struct day dy;
	long first;
	uint64_t total = 0, cum = 0;
	long done = 0;
	int rc, fallback = 0;

	assert(out != NULL && opt != NULL);
	if ((rc = check_options(opt, &first, err)) != 0)
		return rc;
	if (stats != NULL)
		memset(stats, 0, sizeof(*stats));
	if ((sh = malloc(sizeof(*sh))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM,
		    _("out of memory generating a sample"));
	shop_init(sh, opt);
	memset(&w, 0, sizeof(w));
	w.out = out;
	w.sh = sh;
	w.st = stats;
	rng_seed(&w.c, opt->seed, (uint64_t)opt->profile, 0x636f6e74);

	for (int i = 0; i < opt->days; i++) {
		day_info(&dy, sh, first + i, 0);
		total += dy.w;
	}
	if (total == 0) {
		fallback = 1;
		total = (uint64_t)opt->days;
	}

	errno = 0;	/* so that a failed write can say why */
	if (fputs(header, out) == EOF)
		w.failed = 1;
	for (int i = 0; i < opt->days && !w.failed; i++) {
		long upto;

		day_info(&dy, sh, first + i, fallback);
		cum += dy.w;
		/* cumulative rounding: the days add up to exactly rows */
		upto = (long)((uint64_t)opt->rows * cum / total);
		if (upto > done)
			write_day(&w, &dy, upto - done);
		done = upto;
	}
	free(sh);
	if (w.failed || fflush(out) == EOF || ferror(out))
		return ayni_error_set(err, AYNI_EIO,
		    _("cannot write the sample: %s"),
		    errno != 0 ? strerror(errno) : "write error");
	return 0;
}

/*
 * The profile of shop number index (1-based): the profiles of base's
 * industry in turn, starting with base, so that a --companies run is one
 * industry that a benchmark can compare (retail: minimarket, botilleria).
 * Sizes and seeds vary the rest of the mix.
 */
static int
industry_profile(int base, int index)
{
	int same[NPROFILES], n = 0, i;

	for (i = 0; i < NPROFILES; i++) {
		int p = (base + i) % NPROFILES;

		if (strcmp(profiles[p].industry, profiles[base].industry) == 0)
			same[n++] = p;
	}
	return same[(index - 1) % n];
}

int
ayni_sample_company_options(ayni_sample_options *out,
    const ayni_sample_options *base, int index, ayni_error *err)
{
	long rows;

	assert(out != NULL && base != NULL);
	if (index < 1 || index > AYNI_SAMPLE_MAX_COMPANIES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid company number '%d': expected 1 to %d"), index,
		    AYNI_SAMPLE_MAX_COMPANIES);
	if (base->profile < 0 || base->profile >= NPROFILES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid profile '%d': expected 0 to %d"), base->profile,
		    NPROFILES - 1);
	*out = *base;
	out->profile = industry_profile(base->profile, index);
	out->seed = mix64(base->seed ^ mix64((uint64_t)index));
	/* a bad base->rows stays bad, for ayni_sample_write to refuse */
	rows = base->rows;
	if (rows > 0 && rows <= AYNI_SAMPLE_MAX_ROWS) {
		rows = rows * company_size_pct[(index - 1) % 10] / 100;
		if (rows > AYNI_SAMPLE_MAX_ROWS)
			rows = AYNI_SAMPLE_MAX_ROWS;
	}
	out->rows = rows;
	return 0;
}

int
ayni_sample_companies(const char *dir, int count,
    const ayni_sample_options *base, ayni_error *err)
{
	ayni_sample_options o;
	long first;
	int rc;

	assert(dir != NULL && base != NULL);
	if (count < 1 || count > AYNI_SAMPLE_MAX_COMPANIES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid number of companies '%d': expected 1 to %d"),
		    count, AYNI_SAMPLE_MAX_COMPANIES);
	/* refuse bad options before creating anything */
	if ((rc = check_options(base, &first, err)) != 0)
		return rc;

	for (int i = 1; i <= count; i++) {
		char path[4096];
		ayni_outfile *of;
		int n;

		if ((rc = ayni_sample_company_options(&o, base, i, err)) != 0)
			return rc;
		n = snprintf(path, sizeof(path), "%s/company-%02d.csv", dir,
		    i);
		if (n < 0 || (size_t)n >= sizeof(path))
			return ayni_error_set(err, AYNI_ECANTCREAT,
			    _("cannot create a file in '%.200s': path too long"),
			    dir);
		/* Never through a link left in DIR, never half a file. */
		if ((rc = ayni_outfile_open(&of, path, 0644, NULL, err)) != 0)
			return rc;
		rc = ayni_sample_write(ayni_outfile_fp(of), NULL, &o, err);
		if (rc != 0) {
			ayni_outfile_abort(of);
			return rc;
		}
		if ((rc = ayni_outfile_commit(of, err)) != 0)
			return rc;
	}
	return 0;
}
